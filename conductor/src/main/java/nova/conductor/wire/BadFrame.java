package nova.conductor.wire;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A frame this peer cannot accept. After one, the stream is out of step or the peer speaks another
 * protocol, so the connection should be closed; {@link #seq()} lets a peer answer an unknown
 * version with a Failure first.
 */
public final class BadFrame extends IOException {

  public enum Reason {
    /** The frame's version is not {@link Wire#PROTOCOL_VERSION}. */
    UNKNOWN_VERSION,
    /** A union member or enumerant this peer does not know: a newer peer. */
    UNKNOWN_MEMBER,
    /** The segment table claims more than the frame size limit. */
    TOO_LARGE,
    /** The stream ended inside a frame. */
    TRUNCATED,
    /** Pointers, segment table or JSON that do not parse. */
    MALFORMED
  }

  private final Reason reason;
  private final OptionalLong seq;

  public BadFrame(Reason reason, String message) {
    this(reason, message, OptionalLong.empty(), null);
  }

  public BadFrame(Reason reason, String message, OptionalLong seq, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.seq = seq;
  }

  public Reason reason() {
    return reason;
  }

  /** The frame's seq when its header could be read. */
  public OptionalLong seq() {
    return seq;
  }
}
