package nova.conductor.wire;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import nova.conductor.wire.BadFrame.Reason;

/**
 * The same envelopes as length-prefixed JSON (a 4-byte big-endian length, then UTF-8), kept only so
 * a benchmark can show what Cap'n Proto saves. The read and write contract is FrameChannel's: null
 * at a clean end of stream, BadFrame for anything else that is not a whole, known frame.
 */
public final class JsonFrames implements AutoCloseable {
  private static final ObjectMapper JSON = mapper();

  private final ByteChannel channel;
  private final int maxFrameBytes;
  private final InputBuffer input;
  private final ReentrantLock readLock = new ReentrantLock();
  private final ReentrantLock writeLock = new ReentrantLock();

  public JsonFrames(SocketChannel channel) {
    this(channel, FrameChannel.DEFAULT_MAX_FRAME_BYTES);
  }

  public JsonFrames(SocketChannel channel, int maxFrameBytes) {
    this((ByteChannel) FrameChannel.blocking(channel), maxFrameBytes);
  }

  private JsonFrames(ByteChannel channel, int maxFrameBytes) {
    this.channel = channel;
    this.maxFrameBytes = maxFrameBytes;
    this.input = new InputBuffer(channel, FrameReader.BUFFER_BYTES, ByteOrder.BIG_ENDIAN);
  }

  /**
   * JSON frames over the same transport as {@link FrameChannel#spinning}, for a like-for-like
   * comparison.
   */
  public static JsonFrames spinning(SocketChannel channel, Duration spin) throws IOException {
    return new JsonFrames(new SpinningChannel(channel, spin), FrameChannel.DEFAULT_MAX_FRAME_BYTES);
  }

  public Envelope read() throws IOException {
    readLock.lock();
    try {
      input.shrinkIfEmpty();
      if (!input.fill(4)) {
        if (input.bytes().hasRemaining()) {
          throw new BadFrame(Reason.TRUNCATED, "stream ended inside a length prefix");
        }
        return null;
      }
      long length = Integer.toUnsignedLong(input.bytes().getInt(input.bytes().position()));
      if (length + 4 > maxFrameBytes) {
        throw new BadFrame(
            Reason.TOO_LARGE,
            "length prefix claims " + length + " bytes, over the limit of " + maxFrameBytes);
      }
      if (!input.fill(4 + (int) length)) {
        throw new BadFrame(
            Reason.TRUNCATED, "stream ended inside a JSON frame of " + length + " bytes");
      }
      return parse((int) length);
    } finally {
      readLock.unlock();
    }
  }

  public void write(long seq, Body body) throws IOException {
    byte[] json = JSON.writeValueAsBytes(new Envelope(Wire.PROTOCOL_VERSION, seq, body));
    ByteBuffer frame = ByteBuffer.allocate(4 + json.length).putInt(json.length).put(json).flip();
    writeLock.lock();
    try {
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private Envelope parse(int length) throws BadFrame {
    ByteBuffer bytes = input.bytes();
    int start = bytes.position() + 4;
    bytes.position(start + length);
    Envelope envelope;
    try {
      envelope = JSON.readValue(bytes.array(), bytes.arrayOffset() + start, length, Envelope.class);
    } catch (InvalidTypeIdException e) {
      throw new BadFrame(
          Reason.UNKNOWN_MEMBER, "unknown body type: " + e.getTypeId(), OptionalLong.empty(), e);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      // Jackson reports bad JSON as JacksonException; the records' constructors reject missing
      // lists with NPE.
      throw new BadFrame(
          Reason.MALFORMED, "malformed JSON frame: " + e.getMessage(), OptionalLong.empty(), e);
    }
    if (envelope.version() != Wire.PROTOCOL_VERSION) {
      throw new BadFrame(
          Reason.UNKNOWN_VERSION,
          "frame has protocol version "
              + envelope.version()
              + " but this peer speaks version "
              + Wire.PROTOCOL_VERSION,
          OptionalLong.of(envelope.seq()),
          null);
    }
    if (envelope.body() == null) {
      throw new BadFrame(Reason.MALFORMED, "JSON frame without a body");
    }
    return envelope;
  }

  /**
   * Bodies carry their record's simple name as "type", e.g. {"type":"Token","index":0,"text":"hi"}.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
  private interface TypedBody {}

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .addMixIn(Body.class, TypedBody.class)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();
    mapper.registerSubtypes(Body.class.getPermittedSubclasses());
    return mapper;
  }
}
