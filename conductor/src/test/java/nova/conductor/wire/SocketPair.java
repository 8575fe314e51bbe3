package nova.conductor.wire;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two connected ends of a real UNIX domain socket, bound under /tmp because socket paths stop at
 * 108 bytes.
 */
record SocketPair(SocketChannel left, SocketChannel right) implements AutoCloseable {

  static SocketPair open() throws IOException {
    Path path =
        Path.of("/tmp", "nw-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      SocketChannel left = SocketChannel.open(UnixDomainSocketAddress.of(path));
      return new SocketPair(left, server.accept());
    } finally {
      Files.deleteIfExists(path);
    }
  }

  /** Writes bytes to the right end as they are, for frames no honest peer would send. */
  void writeRaw(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      right.write(buffer);
    }
  }

  /** Reads exactly {@code count} bytes from the right end. */
  byte[] readRaw(int count) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(count);
    while (buffer.hasRemaining()) {
      if (right.read(buffer) < 0) {
        throw new IOException(
            "stream ended after " + buffer.position() + " of " + count + " bytes");
      }
    }
    return buffer.array();
  }

  @Override
  public void close() throws IOException {
    try (left;
        right) {
      // closes both, even if one fails
    }
  }
}
