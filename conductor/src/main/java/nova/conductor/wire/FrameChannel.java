package nova.conductor.wire;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.capnproto.MessageBuilder;

/**
 * Frames over one connected, blocking socket (a UNIX domain socket between the conductor and an
 * agent), in the standard Cap'n Proto stream framing that {@code org.capnproto.Serialize.write}
 * writes and {@code capnp decode} reads. Writes are atomic per frame, so any number of threads may
 * write; reads are serialized too.
 *
 * <p>The socket is a blocking one, or a {@link SpinningChannel} ({@link #spinning}) where
 * round-trip latency counts.
 */
public final class FrameChannel implements AutoCloseable {
  public static final int DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;
  private static final int WRITE_BUFFER_BYTES = 64 * 1024;

  private final GatheringByteChannel channel;
  private final int maxFrameBytes;
  private final FrameReader frames;
  private final ReentrantLock readLock = new ReentrantLock();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ByteBuffer out =
      ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

  public FrameChannel(SocketChannel channel) {
    this(channel, DEFAULT_MAX_FRAME_BYTES);
  }

  /**
   * @param maxFrameBytes the largest frame, segment table included, that either side of this
   *     channel accepts
   */
  public FrameChannel(SocketChannel channel, int maxFrameBytes) {
    this(blocking(channel), channel, maxFrameBytes);
  }

  /** {@code reads} and {@code writes} are two views of one socket. */
  private FrameChannel(ReadableByteChannel reads, GatheringByteChannel writes, int maxFrameBytes) {
    if (maxFrameBytes < 64) {
      throw new IllegalArgumentException("maxFrameBytes must be at least 64, was " + maxFrameBytes);
    }
    this.channel = writes;
    this.maxFrameBytes = maxFrameBytes;
    this.frames = new FrameReader(reads, maxFrameBytes);
  }

  /**
   * Frames over a socket that polls for up to {@code spin} before it sleeps, while its peer answers
   * that fast.
   */
  public static FrameChannel spinning(SocketChannel channel, Duration spin) throws IOException {
    SpinningChannel spinning = new SpinningChannel(channel, spin);
    return new FrameChannel(spinning, spinning, DEFAULT_MAX_FRAME_BYTES);
  }

  static SocketChannel blocking(SocketChannel channel) {
    if (!channel.isBlocking()) {
      throw new IllegalArgumentException(
          "a blocking channel is needed here; for a non-blocking one use the spinning factory");
    }
    return channel;
  }

  public static FrameChannel connect(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return new FrameChannel(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Blocks for the next frame. Closing the channel from another thread ends a blocked read with an
   * AsynchronousCloseException.
   *
   * @return the frame, or null when the peer closed the stream cleanly between frames (and on every
   *     call after)
   * @throws BadFrame for a frame that is too large, malformed, of another version or from a newer
   *     schema, and for a stream that ends inside a frame
   */
  public Envelope read() throws IOException {
    readLock.lock();
    try {
      var message = frames.next();
      return message == null ? null : Wire.decode(message);
    } finally {
      readLock.unlock();
    }
  }

  public void write(long seq, Body body) throws IOException {
    write(Wire.encode(seq, body));
  }

  /** Writes an already encoded frame, e.g. one built once and sent many times. */
  public void write(MessageBuilder message) throws IOException {
    ByteBuffer[] segments = message.getSegmentsForOutput();
    int tableBytes = 4 * ((segments.length + 2) & ~1);
    long frameBytes = tableBytes;
    for (ByteBuffer segment : segments) {
      frameBytes += segment.remaining();
    }
    if (frameBytes > maxFrameBytes) {
      throw new IllegalArgumentException(
          "frame of " + frameBytes + " bytes is over the limit of " + maxFrameBytes);
    }
    writeLock.lock();
    try {
      if (frameBytes <= out.capacity()) {
        writeCopied(segments);
      } else {
        writeGathered(segments, tableBytes, frameBytes);
      }
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Small frames go out in one write from one buffer. */
  private void writeCopied(ByteBuffer[] segments) throws IOException {
    out.clear();
    putTable(out, segments);
    for (ByteBuffer segment : segments) {
      out.put(segment.duplicate());
    }
    out.flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
  }

  private void writeGathered(ByteBuffer[] segments, int tableBytes, long frameBytes)
      throws IOException {
    ByteBuffer[] parts = new ByteBuffer[segments.length + 1];
    parts[0] = ByteBuffer.allocate(tableBytes).order(ByteOrder.LITTLE_ENDIAN);
    putTable(parts[0], segments);
    parts[0].flip();
    for (int i = 0; i < segments.length; i++) {
      parts[i + 1] = segments[i].duplicate();
    }
    for (long left = frameBytes; left > 0; ) {
      left -= channel.write(parts);
    }
  }

  /** Segment count minus one, each segment's size in words, zero padding to a whole word. */
  private static void putTable(ByteBuffer target, ByteBuffer[] segments) {
    int start = target.position();
    target.putInt(segments.length - 1);
    for (ByteBuffer segment : segments) {
      target.putInt(segment.remaining() / 8);
    }
    if ((target.position() - start) % 8 != 0) {
      target.putInt(0);
    }
  }
}
