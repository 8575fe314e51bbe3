package nova.conductor.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * One reusable buffer in front of a blocking channel, so a frame usually costs one read syscall
 * however many parts it has. Unread bytes are {@code [position, limit)} of {@link #bytes()}; they
 * stay put while the buffer has room after them, so a large frame arriving in pieces is never
 * copied more than once.
 */
final class InputBuffer {
  private final ReadableByteChannel channel;
  private final int initialBytes;
  private ByteBuffer buffer;

  InputBuffer(ReadableByteChannel channel, int initialBytes, ByteOrder order) {
    this.channel = channel;
    this.initialBytes = initialBytes;
    this.buffer = ByteBuffer.allocate(initialBytes).order(order).limit(0);
  }

  ByteBuffer bytes() {
    return buffer;
  }

  /** Reads until at least {@code needed} bytes are unread; false if the stream ends first. */
  boolean fill(int needed) throws IOException {
    while (buffer.remaining() < needed) {
      if (buffer.capacity() - buffer.position() < needed) {
        makeRoom(needed);
      }
      int unread = buffer.position();
      buffer.position(buffer.limit()).limit(buffer.capacity());
      int count;
      try {
        count = channel.read(buffer);
      } finally { // also when the read fails, so a later call never takes the empty space for bytes
        buffer.limit(buffer.position()).position(unread);
      }
      if (count < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Gives a buffer grown for a large frame back once it has been read, so an idle connection holds
   * little.
   */
  void shrinkIfEmpty() {
    if (!buffer.hasRemaining() && buffer.capacity() > initialBytes) {
      buffer = ByteBuffer.allocate(initialBytes).order(buffer.order()).limit(0);
    }
  }

  /**
   * Callers ask for whole frames, whose size the limit has already checked, so growing to fit is
   * enough.
   */
  private void makeRoom(int needed) {
    if (buffer.capacity() >= needed) {
      buffer.compact().flip();
    } else {
      buffer = ByteBuffer.allocate(needed).order(buffer.order()).put(buffer).flip();
    }
  }
}
