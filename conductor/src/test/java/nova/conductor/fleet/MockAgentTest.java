package nova.conductor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nova.conductor.wire.AgentState;
import nova.conductor.wire.Body;
import nova.conductor.wire.Envelope;
import nova.conductor.wire.FailureCode;
import nova.conductor.wire.FrameChannel;
import nova.conductor.wire.LoraMode;
import nova.conductor.wire.ModelKind;
import nova.conductor.wire.Wire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The native mock agent on its own, driven frame by frame as the conductor drives it. */
@Timeout(60)
class MockAgentTest {
  private static final Path BINARY = MockAgentLauncher.defaultBinary();
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void itRefusesWorkUntilSetUpThenAnswersTheSameRequestTheSameWayOnAnyAgent() throws Exception {
    List<String> answers = new ArrayList<>();
    for (String engine : List.of("c1r1e0", "c2r3e1")) {
      try (FrameChannel agent = connect(engine)) {
        Body.Hello hello = (Body.Hello) next(agent).body();
        assertThat(hello.engine()).isEqualTo(engine);
        assertThat(hello.mock()).isTrue();
        agent.write(1, infer(""));
        assertThat(next(agent).body())
            .isEqualTo(
                new Body.Failure(FailureCode.OVERLOADED, engine + " has no model loaded yet"));
        setUp(agent, LoraMode.NONE, 0);
        agent.write(3, infer(""));
        answers.add(answer(agent, 3));
      }
    }
    assertThat(answers.get(0)).isNotBlank().isEqualTo(answers.get(1));
  }

  @Test
  void adaptersFollowTheLoraModeAndMustBeLoadedBeforeUse() throws Exception {
    try (FrameChannel agent = connect("c1r1e0")) {
      next(agent);
      agent.write(1, new Body.LoadAdapter("early", 8, "x"));
      assertThat(((Body.AdapterResult) next(agent).body()).message())
          .contains("no model is loaded yet");
      setUp(agent, LoraMode.DYNAMIC, 2);
      agent.write(3, infer("sql-writer"));
      assertThat(next(agent).body())
          .isInstanceOf(Body.Failure.class)
          .extracting("code")
          .isEqualTo(FailureCode.UNKNOWN_ADAPTER);
      for (String name : List.of("sql-writer", "support-bot")) {
        agent.write(4, new Body.LoadAdapter(name, 16, "/adapters/" + name));
        assertThat(((Body.AdapterResult) next(agent).body()).ok()).isTrue();
      }
      agent.write(5, new Body.LoadAdapter("french-tutor", 16, "x"));
      Body.AdapterResult full = (Body.AdapterResult) next(agent).body();
      assertThat(full.ok()).isFalse();
      assertThat(full.message())
          .contains("at most 2 adapter(s)")
          .contains("[sql-writer, support-bot]");
      agent.write(6, infer("sql-writer"));
      assertThat(answer(agent, 6)).startsWith("[sql-writer]");
      agent.write(7, new Body.UnloadAdapter("sql-writer", 0, ""));
      assertThat(((Body.AdapterResult) next(agent).body()).loaded()).containsExactly("support-bot");
      agent.write(8, new Body.StatusRequest());
      Body.Status status = (Body.Status) next(agent).body();
      assertThat(status.state()).isEqualTo(AgentState.READY);
      assertThat(status.completed()).isEqualTo(1);
      assertThat(status.adapters()).containsExactly("support-bot");
    }
  }

  @Test
  void aCancelStopsTheStreamAndADrainLetsTheWorkInHandFinish() throws Exception {
    Process process = start("c1r1e0", "--tokens-per-second", "50");
    try (FrameChannel agent = connectTo(socket("c1r1e0"))) {
      next(agent);
      setUp(agent, LoraMode.NONE, 0);
      agent.write(3, infer(""));
      assertThat(next(agent).body()).isInstanceOf(Body.Token.class);
      agent.write(3, new Body.Cancel());
      agent.write(4, infer(""));
      agent.write(5, new Body.Drain());
      List<Body> rest = new ArrayList<>();
      for (Envelope e; (e = next(agent)) != null; ) {
        assertThat(e.seq()).as("nothing more of the cancelled stream").isNotEqualTo(3);
        rest.add(e.body());
      }
      assertThat(rest.get(rest.size() - 2)).isInstanceOf(Body.Done.class);
      assertThat(rest.getLast()).isEqualTo(new Body.Drained(1));
    }
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }

  @Test
  void aFrameOfAnotherProtocolVersionIsRefusedAndTheConnectionClosed() throws Exception {
    Process process = start("c1r1e0");
    try (SocketChannel raw = rawConnect(socket("c1r1e0"));
        FrameChannel agent = new FrameChannel(raw)) {
      next(agent);
      ByteBuffer frame = serialized(new Body.StatusRequest());
      frame.putShort(
          16, (short) 2); // the root struct's first field, after the segment table and root pointer
      while (frame.hasRemaining()) raw.write(frame);
      Body.Failure refused = (Body.Failure) next(agent).body();
      assertThat(refused.code()).isEqualTo(FailureCode.UNSUPPORTED_VERSION);
      assertThat(refused.message()).contains("protocol version 2").contains("version 1");
      assertThat(next(agent)).isNull();
    }
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
  }

  @Test
  void badOptionsAndAnAbsentConductorEndItWithAReason() throws Exception {
    Process bad =
        new ProcessBuilder(
                BINARY.toString(),
                "--socket",
                "/tmp/x.sock",
                "--engine",
                "e",
                "--tokens-per-second",
                "0")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("--tokens-per-second takes a number above 0; got '0'");
    assertThat(bad.waitFor()).isEqualTo(2);
    Process lonely =
        new ProcessBuilder(
                BINARY.toString(),
                "--socket",
                socket("c1r1e1").toString(),
                "--engine",
                "c1r1e1",
                "--connect-timeout-ms",
                "100")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(lonely.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("no conductor connected");
    assertThat(lonely.waitFor()).isEqualTo(4);
    assertThat(socket("c1r1e1")).doesNotExist();
  }

  @Test
  void itNeverOutlivesTheProcessThatStartedIt() throws Exception {
    Process parent =
        new ProcessBuilder(
                "sh",
                "-c",
                "\"$0\" --socket \"$1\" --engine c1r1e0 >/dev/null 2>&1 & echo $!; sleep 0.3",
                BINARY.toString(),
                socket("c1r1e0").toString())
            .start();
    long agent =
        Long.parseLong(
            new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    assertThat(parent.waitFor()).isZero();
    ProcessHandle orphan = ProcessHandle.of(agent).orElse(null);
    if (orphan != null) assertThat(orphan.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  private FrameChannel connect(String engine) throws Exception {
    start(engine);
    return connectTo(socket(engine));
  }

  private Process start(String engine, String... options) throws IOException {
    Map<String, String> given =
        new LinkedHashMap<>(
            Map.of(
                "--first-token-ms",
                "0",
                "--tokens-per-second",
                "100000",
                "--heartbeat-ms",
                "60000"));
    for (int i = 0; i < options.length; i += 2) given.put(options[i], options[i + 1]);
    List<String> command =
        new ArrayList<>(
            List.of(BINARY.toString(), "--socket", socket(engine).toString(), "--engine", engine));
    given.forEach((name, value) -> command.addAll(List.of(name, value)));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    started.add(p);
    return p;
  }

  private Path socket(String engine) {
    return Path.of("/tmp", "nma-" + ProcessHandle.current().pid() + "-" + engine + ".sock");
  }

  private static FrameChannel connectTo(Path socket) throws Exception {
    return new FrameChannel(rawConnect(socket));
  }

  private static SocketChannel rawConnect(Path socket) throws Exception {
    for (int i = 0; ; i++) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
      } catch (IOException e) {
        channel.close();
        if (i == 500 || !Files.exists(socket.getParent())) throw e;
        Thread.sleep(10);
      }
    }
  }

  /** The next frame that is not a heartbeat; null when the agent closed the connection. */
  private static Envelope next(FrameChannel agent) throws IOException {
    for (Envelope e; (e = agent.read()) != null; ) {
      if (!(e.body() instanceof Body.Heartbeat)) return e;
    }
    return null;
  }

  private static void setUp(FrameChannel agent, LoraMode lora, int maxAdapters) throws IOException {
    agent.write(
        2, new Body.Setup("mock-8b", "model", ModelKind.SINGLE, 8192, 0, 1, lora, maxAdapters));
    assertThat(((Body.SetupDone) next(agent).body()).ok()).isTrue();
  }

  private static Body.Infer infer(String adapter) {
    return new Body.Infer(
        List.of(new Body.ChatMessage("user", "why is the sky blue?", List.of())),
        512,
        0.7f,
        adapter,
        0);
  }

  private static String answer(FrameChannel agent, long seq) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Envelope e; (e = next(agent)) != null; ) {
      assertThat(e.seq()).isEqualTo(seq);
      if (e.body() instanceof Body.Done done) {
        assertThat(done.finishReason()).isEqualTo("stop");
        return text.toString();
      }
      text.append(((Body.Token) e.body()).text());
    }
    throw new AssertionError("the stream ended before its Done");
  }

  private static ByteBuffer serialized(Body body) {
    ByteBuffer[] segments = Wire.encode(0, body).getSegmentsForOutput();
    ByteBuffer frame =
        ByteBuffer.allocate(8 + segments[0].remaining()).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt(0).putInt(segments[0].remaining() / 8).put(segments[0].duplicate()).flip();
    return frame;
  }
}
