package nova.conductor.bench;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import nova.conductor.wire.Body;
import nova.conductor.wire.Envelope;
import nova.conductor.wire.FrameChannel;
import nova.conductor.wire.JsonFrames;
import nova.conductor.wire.SpinningChannel;

/**
 * Request/response round trips over one UNIX socket connection, one at a time: a Ping answered by a
 * Pong from an echo thread at the other end, in Cap'n Proto frames, the same messages as JSON, or
 * bare 48-byte buffers (the socket's own cost, no codec), over a blocking or a spinning socket.
 */
final class RoundTrips {
  private static final Duration SPIN = Duration.ofNanos(50_000);
  private static final int BARE_BYTES = 48; // a Ping frame's size in Cap'n Proto

  interface Frames extends AutoCloseable {
    /** One round trip from the client's side. */
    void roundTrip(long seq, byte[] payload) throws IOException;

    /** The echo side, until the client closes. */
    void echoAll() throws IOException;

    @Override
    void close() throws IOException;
  }

  enum Codec {
    BARE,
    CAPNP,
    JSON;

    Frames over(SocketChannel socket, boolean spinning) throws IOException {
      return switch (this) {
        case CAPNP ->
            framed(spinning ? FrameChannel.spinning(socket, SPIN) : new FrameChannel(socket));
        case JSON -> {
          JsonFrames f = spinning ? JsonFrames.spinning(socket, SPIN) : new JsonFrames(socket);
          yield framed(
              new FrameIo() {
                public Envelope read() throws IOException {
                  return f.read();
                }

                public void write(long seq, Body body) throws IOException {
                  f.write(seq, body);
                }

                public void close() throws IOException {
                  f.close();
                }
              });
        }
        case BARE -> bare(spinning ? new SpinningChannel(socket, SPIN) : socket);
      };
    }
  }

  private interface FrameIo extends AutoCloseable {
    Envelope read() throws IOException;

    void write(long seq, Body body) throws IOException;

    @Override
    void close() throws IOException;
  }

  private static Frames framed(FrameChannel f) {
    return framed(
        new FrameIo() {
          public Envelope read() throws IOException {
            return f.read();
          }

          public void write(long seq, Body body) throws IOException {
            f.write(seq, body);
          }

          public void close() throws IOException {
            f.close();
          }
        });
  }

  private static Frames framed(FrameIo io) {
    return new Frames() {
      public void roundTrip(long seq, byte[] payload) throws IOException {
        io.write(seq, new Body.Ping(seq, payload));
        Envelope reply = io.read();
        if (!(reply.body() instanceof Body.Pong) || reply.seq() != seq)
          throw new IllegalStateException("expected the pong of " + seq + ", got " + reply);
      }

      public void echoAll() throws IOException {
        for (Envelope e; (e = io.read()) != null; ) {
          Body.Ping ping = (Body.Ping) e.body();
          io.write(e.seq(), new Body.Pong(ping.sentNanos(), ping.payload()));
        }
      }

      public void close() throws IOException {
        io.close();
      }
    };
  }

  private static Frames bare(ByteChannel socket) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(BARE_BYTES);
    return new Frames() {
      public void roundTrip(long seq, byte[] payload) throws IOException {
        buffer.clear().putLong(0, seq);
        while (buffer.hasRemaining()) socket.write(buffer);
        if (!readFully() || buffer.getLong(0) != seq)
          throw new IllegalStateException("expected the echo of " + seq);
      }

      public void echoAll() throws IOException {
        while (readFully()) {
          buffer.flip();
          while (buffer.hasRemaining()) socket.write(buffer);
        }
      }

      private boolean readFully() throws IOException {
        buffer.clear();
        while (buffer.hasRemaining()) {
          if (socket.read(buffer) < 0) return false;
        }
        return true;
      }

      public void close() throws IOException {
        socket.close();
      }
    };
  }

  /** Latencies in nanoseconds of each round trip after the warm-up, for {@code seconds}. */
  static long[] measure(Codec codec, boolean spinning, double seconds, double warmupSeconds)
      throws Exception {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "nrt");
    Path socket = dir.resolve("echo.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread echo = Thread.ofPlatform().daemon().start(() -> echo(server, codec, spinning));
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket));
          Frames frames = codec.over(client, spinning)) {
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

  private static int run(Frames frames, byte[] payload, long forNanos, long[] latencies)
      throws IOException {
    long end = System.nanoTime() + forNanos;
    int n = 0;
    for (long seq = 1; n < latencies.length; seq++) {
      long sent = System.nanoTime();
      if (sent > end) break;
      frames.roundTrip(seq, payload);
      latencies[n++] = System.nanoTime() - sent;
    }
    return n;
  }

  private static void echo(ServerSocketChannel server, Codec codec, boolean spinning) {
    try (SocketChannel peer = server.accept();
        Frames frames = codec.over(peer, spinning)) {
      frames.echoAll();
    } catch (IOException e) {
      // the client closed the connection: the run is over
    }
  }
}
