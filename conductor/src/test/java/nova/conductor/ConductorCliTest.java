package nova.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conductor's command line as its own process: checks before starting, never a half start, a
 * clean stop.
 */
class ConductorCliTest {
  @TempDir Path dir;

  @Test
  void aBrokenConfigStopsItBeforeAnythingStarts() throws Exception {
    Path broken =
        Files.writeString(
            dir.resolve("model.toml"),
            "[model]\nname = \"x\"\nkind = \"single\"\nmax_contxt = 10\n");
    Result r =
        run(
            List.of(
                "-c",
                config("app_config.toml"),
                "-d",
                config("datacenter.toml"),
                "-m",
                broken.toString(),
                "--allocation",
                "c1r1",
                "--instance-model-name",
                "x",
                "--mock-agents"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("model.toml:4").contains("max_contxt");
  }

  @Test
  void aBadAllocationNamesItsPosition() throws Exception {
    Result r =
        run(
            List.of(
                "-c",
                config("app_config.toml"),
                "-d",
                config("datacenter.toml"),
                "-m",
                config("spec_decode_model_config.toml"),
                "--allocation",
                "c1r1:c2x2",
                "--instance-model-name",
                "x",
                "--mock-agents"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output()).contains("allocation 'c1r1:c2x2'").contains("position 8");
  }

  @Test
  void agentsThatCannotGetReadyLeaveNothingRunning() throws Exception {
    Path sockets = Files.createTempDirectory(Path.of("/tmp"), "ncli");
    Path app =
        Files.writeString(
            dir.resolve("app.toml"),
            """
            [agents]
            socket_dir = "%s"
            setup_timeout_ms = 300
            [mock_agents]
            load_time_ms = 5000
            """
                .formatted(sockets));
    Result r =
        run(
            List.of(
                "-c",
                app.toString(),
                "-d",
                config("datacenter.toml"),
                "-m",
                config("single_model_config.toml"),
                "--allocation",
                "c1r1",
                "--instance-model-name",
                "x",
                "--mock-agents",
                "--http-port",
                "0"));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.output()).contains("did not start, so nothing is left running");
    Thread.sleep(500);
    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(sockets.toString()))
                .count())
        .as("agent processes left behind")
        .isZero();
  }

  @Test
  void itServesUntilStoppedAndTakesItsAgentsAlong() throws Exception {
    Path sockets = Files.createTempDirectory(Path.of("/tmp"), "ncli");
    Path app =
        Files.writeString(
            dir.resolve("app.toml"), "[agents]\nsocket_dir = \"%s\"\n".formatted(sockets));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process conductor =
        start(
            List.of(
                "-c",
                app.toString(),
                "-d",
                config("datacenter.toml"),
                "-m",
                config("single_model_config.toml"),
                "--allocation",
                "c1r1",
                "--instance-model-name",
                "x",
                "--mock-agents",
                "--http-port",
                Integer.toString(port)),
            dir.resolve("conductor.log"));
    try {
      HttpResponse<String> status = awaitStatus(port, conductor);
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(RunningConductor.JSON.readTree(status.body()).path("agents").size()).isEqualTo(2);
      assertThat(conductor.descendants().count()).isEqualTo(2);
    } finally {
      List<ProcessHandle> agents = conductor.descendants().toList();
      conductor.destroy(); // SIGTERM
      assertThat(conductor.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle agent : agents)
        assertThat(agent.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }
  }

  private static HttpResponse<String> awaitStatus(int port, Process conductor) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 300; i++) {
      assertThat(conductor.isAlive()).as("the conductor is running").isTrue();
      try {
        return client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the conductor did not answer /status within 30 s");
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> args) throws Exception {
    Process p = start(args, null);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  /** Output to the log file, or to a pipe when there is none. */
  private static Process start(List<String> args, Path log) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                ConductorMain.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (log != null) builder.redirectOutput(log.toFile());
    return builder.start();
  }

  private static String config(String name) {
    return RunningConductor.CONFIGS.resolve(name).toString();
  }
}
