package nova.conductor.fleet;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nova.conductor.wire.AgentState;
import nova.conductor.wire.Body;
import nova.conductor.wire.Envelope;
import nova.conductor.wire.FrameChannel;

/**
 * An agent that sets up like any other, then answers an inference with bytes that are no Cap'n
 * Proto frame: random garbage, or a frame whose segment table promises more than it sends before
 * the connection ends. Arguments: socket path, engine, and "garbage" or "truncated".
 */
public final class GarbageAgentMain {
  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    Files.deleteIfExists(socket);
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      try (SocketChannel raw = server.accept();
          FrameChannel channel = new FrameChannel(raw)) {
        channel.write(
            0, new Body.Hello("garbage", args[1], (int) ProcessHandle.current().pid(), true));
        Thread.ofVirtual().start(() -> beat(channel));
        for (Envelope e; (e = channel.read()) != null; ) {
          switch (e.body()) {
            case Body.Setup s -> channel.write(e.seq(), new Body.SetupDone(true, "pretending", 0));
            case Body.Assign a -> channel.write(e.seq(), new Body.Assigned());
            case Body.Drain d -> {
              channel.write(e.seq(), new Body.Drained(0));
              return;
            }
            case Body.Infer i -> {
              raw.write(args[2].equals("truncated") ? truncated() : garbage());
              if (args[2].equals("truncated")) {
                raw.shutdownOutput(); // the stream ends mid-frame, while the process lives on
                sleep();
                return;
              }
            }
            default -> {}
          }
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void beat(FrameChannel channel) {
    try {
      while (true) {
        channel.write(0, new Body.Heartbeat(System.nanoTime(), AgentState.READY, 0, 0, List.of()));
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException e) {
      // the conductor closed the connection
    }
  }

  /** A segment table claiming 2^31 words, then noise. */
  private static ByteBuffer garbage() {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0).putInt(Integer.MAX_VALUE);
    while (b.hasRemaining()) b.put((byte) 0xA5);
    return b.flip();
  }

  /** A valid one-segment table of 100 words, then only 16 bytes of them. */
  private static ByteBuffer truncated() {
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0).putInt(100);
    while (b.hasRemaining()) b.put((byte) 1);
    return b.flip();
  }
}
