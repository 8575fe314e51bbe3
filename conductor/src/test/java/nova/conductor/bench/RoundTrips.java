package nova.conductor.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nova.conductor.wire.Body;
import nova.conductor.wire.Envelope;
import nova.conductor.wire.FrameChannel;
import nova.conductor.wire.JsonFrames;

/**
 * Request/response round trips over one UNIX socket connection, one at a time: a Ping answered by
 * a Pong from an echo thread at the other end, in Cap'n Proto frames or the same messages as JSON.
 */
final class RoundTrips {
  interface Frames extends AutoCloseable {
    Envelope read() throws IOException;

    void write(long seq, Body body) throws IOException;

    @Override
    void close() throws IOException;
  }

  enum Codec {
    CAPNP, JSON;

    Frames over(SocketChannel channel) {
      if (this == CAPNP) {
        FrameChannel f = new FrameChannel(channel);
        return new Frames() {
          public Envelope read() throws IOException { return f.read(); }
          public void write(long seq, Body body) throws IOException { f.write(seq, body); }
          public void close() throws IOException { f.close(); }
        };
      }
      JsonFrames f = new JsonFrames(channel);
      return new Frames() {
        public Envelope read() throws IOException { return f.read(); }
        public void write(long seq, Body body) throws IOException { f.write(seq, body); }
        public void close() throws IOException { f.close(); }
      };
    }
  }

  /** Latencies in nanoseconds of each round trip after the warm-up, for {@code seconds}. */
  static long[] measure(Codec codec, double seconds, double warmupSeconds) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "nrt");
    Path socket = dir.resolve("echo.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread echo = Thread.ofPlatform().daemon().start(() -> echo(server, codec));
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket)); Frames frames = codec.over(client)) {
        byte[] payload = new byte[32];
        run(frames, payload, (long) (warmupSeconds * 1e9), new long[1 << 22]);
        long[] latencies = new long[1 << 23];
        int n = run(frames, payload, (long) (seconds * 1e9), latencies);
        echo.interrupt();
        return Arrays.copyOf(latencies, n);
      }
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  private static int run(Frames frames, byte[] payload, long forNanos, long[] latencies) throws IOException {
    long end = System.nanoTime() + forNanos;
    int n = 0;
    for (long seq = 1; n < latencies.length; seq++) {
      long sent = System.nanoTime();
      if (sent > end) break;
      frames.write(seq, new Body.Ping(sent, payload));
      Envelope reply = frames.read();
      if (!(reply.body() instanceof Body.Pong) || reply.seq() != seq) throw new IllegalStateException("expected the pong of " + seq + ", got " + reply);
      latencies[n++] = System.nanoTime() - sent;
    }
    return n;
  }

  private static void echo(ServerSocketChannel server, Codec codec) {
    try (SocketChannel peer = server.accept(); Frames frames = codec.over(peer)) {
      for (Envelope e; (e = frames.read()) != null; ) {
        Body.Ping ping = (Body.Ping) e.body();
        frames.write(e.seq(), new Body.Pong(ping.sentNanos(), ping.payload()));
      }
    } catch (IOException e) {
      // the client closed the connection: the run is over
    }
  }
}
