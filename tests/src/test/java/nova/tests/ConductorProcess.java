package nova.tests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The LPU conductor as bin/nova dev runs it: its jar, the example configs, mock agents, its own
 * socket directory and port.
 */
final class ConductorProcess implements AutoCloseable {
  static final Path HOME = Path.of("..", "conductor").toAbsolutePath().normalize();
  private final int port;
  private final Path log;
  private final Process process;

  private ConductorProcess(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * A conductor serving single_model_config.toml as {@code instance} on {@code allocation}, with
   * quick mock agents.
   */
  static ConductorProcess start(String allocation, String instance) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createDirectories(Path.of("target", "conductor").toAbsolutePath());
    Path sockets = Files.createTempDirectory(Path.of("/tmp"), "nit");
    Path app =
        Files.writeString(
            dir.resolve("app-" + port + ".toml"),
            """
            [agents]
            socket_dir = "%s"
            [mock_agents]
            first_token_ms = 5
            tokens_per_second = 2000
            load_time_ms = 0
            """
                .formatted(sockets));
    Path configs = HOME.resolve("configs");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                HOME.resolve("target/nova-conductor.jar")
                    + File.pathSeparator
                    + HOME.resolve("target/lib/*"),
                "nova.conductor.ConductorMain",
                "-c",
                app.toString(),
                "-d",
                configs.resolve("datacenter.toml").toString(),
                "-m",
                configs.resolve("single_model_config.toml").toString(),
                "--allocation",
                allocation,
                "--instance-model-name",
                instance,
                "--mock-agents",
                "--http-port",
                Integer.toString(port)));
    Path log = dir.resolve("conductor-" + port + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("NOVA_CONDUCTOR_ADMIN_TOKEN", NovaServer.CONDUCTOR_ADMIN_TOKEN);
    Process process = builder.start();
    ConductorProcess conductor = new ConductorProcess(port, log, process);
    conductor.awaitReady();
    return conductor;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("the conductor exited; see " + log);
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/status")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the conductor was not ready within 60 s; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy(); // SIGTERM: it drains and stops its agents
    if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
