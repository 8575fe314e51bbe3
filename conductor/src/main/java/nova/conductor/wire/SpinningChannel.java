package nova.conductor.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A socket that blocks like a blocking one, but polls for a moment before it sleeps, while the peer
 * has been answering within that moment. Waking a thread that sleeps in the kernel costs more than
 * a request/response round trip between two busy peers, so a conversation in full flow never
 * sleeps, while a quiet link (paced tokens, heartbeats) goes straight to sleep and costs nothing.
 *
 * <p>One thread may read while another writes; reads are not thread-safe among themselves, nor
 * writes (FrameChannel serializes each). Closing from another thread ends a blocked read or write.
 */
public final class SpinningChannel implements ByteChannel, GatheringByteChannel {
  private final SocketChannel channel;
  private final long spinNanos;
  private final Selector readable;
  private final Selector writable;
  private long lastWaitNanos; // how long the last read waited for data: within the spin, spin again

  public SpinningChannel(SocketChannel channel, Duration spin) throws IOException {
    this.channel = channel;
    this.spinNanos = spin.toNanos();
    channel.configureBlocking(false);
    readable = Selector.open();
    writable = Selector.open();
    channel.register(readable, SelectionKey.OP_READ);
    channel.register(writable, SelectionKey.OP_WRITE);
  }

  /** Blocks until at least one byte is read; -1 at the end of the stream. */
  @Override
  public int read(ByteBuffer target) throws IOException {
    long began = 0;
    boolean spin = lastWaitNanos <= spinNanos;
    while (true) {
      int count = channel.read(target);
      if (count != 0 || !target.hasRemaining()) {
        lastWaitNanos = began == 0 ? 0 : System.nanoTime() - began;
        return count;
      }
      long now = System.nanoTime();
      if (began == 0) began = now;
      if (spin && now - began < spinNanos) {
        Thread.onSpinWait();
      } else {
        await(readable);
      }
    }
  }

  /** Blocks until at least one byte is written. */
  @Override
  public int write(ByteBuffer source) throws IOException {
    while (true) {
      int count = channel.write(source);
      if (count != 0 || !source.hasRemaining()) return count;
      await(writable);
    }
  }

  @Override
  public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
    while (true) {
      long count = channel.write(sources, offset, length);
      if (count != 0) return count;
      await(writable);
    }
  }

  @Override
  public long write(ByteBuffer[] sources) throws IOException {
    return write(sources, 0, sources.length);
  }

  @Override
  public boolean isOpen() {
    return channel.isOpen();
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      readable.close(); // wakes a thread waiting in either
      writable.close();
    }
  }

  private void await(Selector selector) throws IOException {
    try {
      selector.select();
      selector.selectedKeys().clear();
    } catch (ClosedSelectorException e) {
      throw new AsynchronousCloseException();
    }
    if (Thread.currentThread()
        .isInterrupted()) { // as a blocking channel does: an interrupt closes it
      close();
      throw new ClosedByInterruptException();
    }
    if (!channel.isOpen()) throw new AsynchronousCloseException();
  }
}
