package nova.conductor.wire;

import java.nio.BufferUnderflowException;
import java.util.OptionalLong;
import nova.conductor.wire.BadFrame.Reason;
import org.capnproto.DecodeException;
import org.capnproto.MessageBuilder;
import org.capnproto.MessageReader;

/** Turns bodies into Cap'n Proto Frame messages and back. Stateless and thread-safe. */
public final class Wire {
  /** The schema's {@code protocolVersion}: a peer refuses frames that carry another. */
  public static final int PROTOCOL_VERSION = 1;

  // Most frames (tokens, pings, heartbeats) fit in 2 KiB; bigger ones grow into more segments.
  private static final int FIRST_SEGMENT_WORDS = 256;

  private Wire() {}

  public static MessageBuilder encode(long seq, Body body) {
    MessageBuilder message = new MessageBuilder(FIRST_SEGMENT_WORDS);
    FrameStruct.Builder frame = message.initRoot(FrameStruct.factory);
    frame.setVersion(PROTOCOL_VERSION);
    frame.setSeq(seq);
    BodyEncoder.encode(body, frame);
    return message;
  }

  /**
   * @throws BadFrame for another protocol version, an unknown union member or enumerant, or broken
   *     pointers
   */
  public static Envelope decode(MessageReader message) throws BadFrame {
    OptionalLong seq = OptionalLong.empty();
    try {
      FrameStruct.Reader frame = message.getRoot(FrameStruct.factory);
      seq = OptionalLong.of(frame.seq());
      if (frame.version() != PROTOCOL_VERSION) {
        throw new BadFrame(
            Reason.UNKNOWN_VERSION,
            "frame has protocol version "
                + frame.version()
                + " but this peer speaks version "
                + PROTOCOL_VERSION,
            seq,
            null);
      }
      return new Envelope(PROTOCOL_VERSION, frame.seq(), BodyDecoder.decode(frame, frame.seq()));
    } catch (DecodeException
        | IndexOutOfBoundsException
        | BufferUnderflowException
        | IllegalArgumentException e) {
      // The runtime reports broken pointers as DecodeException, or as a buffer exception when they
      // point outside it.
      throw new BadFrame(Reason.MALFORMED, "malformed frame: " + e.getMessage(), seq, e);
    }
  }
}
