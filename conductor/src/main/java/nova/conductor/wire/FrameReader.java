package nova.conductor.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import nova.conductor.wire.BadFrame.Reason;
import org.capnproto.MessageReader;
import org.capnproto.ReaderOptions;

/**
 * Cuts standard Cap'n Proto stream framing (a segment table, then the segments) out of a channel.
 * Unlike {@code org.capnproto.Serialize.read}, it reads through one buffer instead of one syscall
 * per part, and refuses a frame over the size limit from its segment table alone, before allocating
 * anything for it.
 */
final class FrameReader {
  static final int BUFFER_BYTES = 64 * 1024;
  // The reference implementation's own bound; more is garbage, not a frame.
  private static final long MAX_SEGMENTS = 512;
  private static final int NESTING_LIMIT = 64;

  private final InputBuffer input;
  private final int maxFrameBytes;

  FrameReader(ReadableByteChannel channel, int maxFrameBytes) {
    this.input = new InputBuffer(channel, BUFFER_BYTES, ByteOrder.LITTLE_ENDIAN);
    this.maxFrameBytes = maxFrameBytes;
  }

  /**
   * The next message, whose segments share the buffer until the next call; null at a clean end of
   * stream.
   */
  MessageReader next() throws IOException {
    input.shrinkIfEmpty();
    if (!input.fill(8)) {
      if (input.bytes().hasRemaining()) {
        throw truncated(8);
      }
      return null;
    }
    long segments = Integer.toUnsignedLong(input.bytes().getInt(input.bytes().position())) + 1;
    if (segments > MAX_SEGMENTS) {
      throw new BadFrame(Reason.MALFORMED, "segment table claims " + segments + " segments");
    }
    int tableBytes = 4 * (int) ((segments + 2) & ~1L);
    require(tableBytes);
    long frameBytes = tableBytes;
    for (int i = 0; i < segments; i++) {
      frameBytes += 8 * segmentWords(i);
    }
    if (frameBytes > maxFrameBytes) {
      throw new BadFrame(
          Reason.TOO_LARGE,
          "segment table claims " + frameBytes + " bytes, over the limit of " + maxFrameBytes);
    }
    require((int) frameBytes);
    return cut((int) segments, tableBytes, (int) frameBytes);
  }

  private MessageReader cut(int segmentCount, int tableBytes, int frameBytes) {
    ByteBuffer bytes = input.bytes();
    int start = bytes.position();
    ByteBuffer[] segments = new ByteBuffer[segmentCount];
    int offset = start + tableBytes;
    for (int i = 0; i < segmentCount; i++) {
      int size = 8 * (int) segmentWords(i);
      segments[i] = bytes.slice(offset, size).order(ByteOrder.LITTLE_ENDIAN);
      offset += size;
    }
    bytes.position(start + frameBytes);
    // A legitimate frame is read about once; the bound stops a small frame whose pointers share one
    // big list
    // from expanding into far more than its size.
    long traversalWords = 2L * (frameBytes / 8) + 8;
    return new MessageReader(segments, new ReaderOptions(traversalWords, NESTING_LIMIT));
  }

  private long segmentWords(int segment) {
    ByteBuffer bytes = input.bytes();
    return Integer.toUnsignedLong(bytes.getInt(bytes.position() + 4 + 4 * segment));
  }

  private void require(int bytes) throws IOException {
    if (!input.fill(bytes)) {
      throw truncated(bytes);
    }
  }

  private BadFrame truncated(int expected) {
    return new BadFrame(
        Reason.TRUNCATED,
        "stream ended "
            + input.bytes().remaining()
            + " bytes into a frame of at least "
            + expected);
  }
}
