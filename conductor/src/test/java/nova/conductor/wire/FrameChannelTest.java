package nova.conductor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nova.conductor.wire.BadFrame.Reason;
import nova.conductor.wire.WireSamples.Sample;
import org.capnproto.MessageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class FrameChannelTest {

  @Test
  void manyFramesFlowBothWaysAtOnce() throws Exception {
    int count = 20_000;
    try (SocketPair pair = SocketPair.open();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      FrameChannel conductor = new FrameChannel(pair.left());
      FrameChannel agent = new FrameChannel(pair.right());
      List<Future<?>> tasks =
          List.of(
              threads.submit(
                  () -> {
                    for (int i = 0; i < count; i++) {
                      conductor.write(i, new Body.Token(i, "to agent " + i));
                    }
                    return null;
                  }),
              threads.submit(
                  () -> {
                    for (int i = 0; i < count; i++) {
                      agent.write(i, new Body.Done(i, -i, "from agent " + i));
                    }
                    return null;
                  }),
              threads.submit(
                  () -> {
                    for (int i = 0; i < count; i++) {
                      assertThat(agent.read())
                          .isEqualTo(new Envelope(1, i, new Body.Token(i, "to agent " + i)));
                    }
                    return null;
                  }),
              threads.submit(
                  () -> {
                    for (int i = 0; i < count; i++) {
                      assertThat(conductor.read())
                          .isEqualTo(new Envelope(1, i, new Body.Done(i, -i, "from agent " + i)));
                    }
                    return null;
                  }));
      for (Future<?> task : tasks) {
        task.get();
      }
    }
  }

  /**
   * Payloads up to 100 KB take both write paths: copied through the 64 KiB buffer, and gathered.
   */
  @Test
  void concurrentWritersNeverInterleaveTheirFrames() throws Exception {
    int writers = 4;
    int perWriter = 150;
    try (SocketPair pair = SocketPair.open();
        ExecutorService threads = Executors.newFixedThreadPool(writers)) {
      FrameChannel shared = new FrameChannel(pair.left());
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        tasks.add(
            threads.submit(
                () -> {
                  Random random = new Random(writer);
                  for (int i = 0; i < perWriter; i++) {
                    byte[] payload = new byte[1 + random.nextInt(100_000)];
                    Arrays.fill(payload, (byte) writer);
                    shared.write(writer * 1_000_000L + i, new Body.Ping(writer, payload));
                  }
                  return null;
                }));
      }
      FrameChannel reader = new FrameChannel(pair.right());
      int[] next = new int[writers];
      for (int n = 0; n < writers * perWriter; n++) {
        Envelope envelope = reader.read();
        Body.Ping ping = (Body.Ping) envelope.body();
        int writer = (int) ping.sentNanos();
        assertThat(envelope.seq()).isEqualTo(writer * 1_000_000L + next[writer]++);
        assertThat(allEqualTo(ping.payload(), (byte) writer))
            .as("payload of frame %d is one writer's", n)
            .isTrue();
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 200_000})
  void writesExactlyWhatSerializeWrites(int textLength) throws Exception {
    MessageBuilder message = Wire.encode(3, new Body.Token(1, "y".repeat(textLength)));
    byte[] expected = CapnpTool.bytesOf(message);
    try (SocketPair pair = SocketPair.open()) {
      Thread.startVirtualThread(
          () -> {
            try {
              new FrameChannel(pair.left()).write(message);
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          });

      assertThat(pair.readRaw(expected.length)).isEqualTo(expected);
    }
  }

  @Test
  void readsFramesTheReferenceToolEncoded() throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (Sample sample : WireSamples.all()) {
      stream.write(CapnpTool.encode(sample.capnpText()));
    }
    try (SocketPair pair = SocketPair.open()) {
      pair.writeRaw(stream.toByteArray());
      pair.right().shutdownOutput();
      FrameChannel reader = new FrameChannel(pair.left());

      for (Sample sample : WireSamples.all()) {
        assertThat(reader.read()).isEqualTo(sample.envelope());
      }
      assertThat(reader.read()).isNull();
    }
  }

  @Test
  void aCleanEndOfStreamReadsAsNullEveryTime() throws Exception {
    try (SocketPair pair = SocketPair.open()) {
      new FrameChannel(pair.right()).write(8, new Body.Drain());
      pair.right().shutdownOutput();
      FrameChannel reader = new FrameChannel(pair.left());

      assertThat(reader.read()).isEqualTo(new Envelope(1, 8, new Body.Drain()));
      assertThat(reader.read()).isNull();
      assertThat(reader.read()).isNull();
    }
  }

  /** Cut inside the first word, right after the segment table, and inside the segment. */
  @ParameterizedTest
  @ValueSource(ints = {3, 8, 30})
  void aFrameCutShortByTheEndOfStreamIsTruncated(int keptBytes) throws Exception {
    byte[] whole = CapnpTool.bytesOf(Wire.encode(1, new Body.Token(1, "hello there")));
    try (SocketPair pair = SocketPair.open()) {
      pair.writeRaw(whole);
      pair.writeRaw(Arrays.copyOf(whole, keptBytes));
      pair.right().shutdownOutput();
      FrameChannel reader = new FrameChannel(pair.left());

      assertThat(reader.read()).isEqualTo(new Envelope(1, 1, new Body.Token(1, "hello there")));
      assertThatThrownBy(reader::read)
          .isInstanceOfSatisfying(
              BadFrame.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }
  }

  @Test
  void connectsToAListeningSocketByPath() throws Exception {
    Path path = Path.of("/tmp", "nw-connect-" + ProcessHandle.current().pid() + ".sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(path));
      try (FrameChannel agent = FrameChannel.connect(path);
          FrameChannel conductor = new FrameChannel(server.accept())) {
        agent.write(0, new Body.Hello("agent-1", "mock", 42, true));

        assertThat(conductor.read().body()).isEqualTo(new Body.Hello("agent-1", "mock", 42, true));
      }
    } finally {
      Files.deleteIfExists(path);
    }
  }

  private static boolean allEqualTo(byte[] bytes, byte value) {
    for (byte b : bytes) {
      if (b != value) {
        return false;
      }
    }
    return true;
  }
}
