package nova.tests;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A Nova server as its own OS process, as bin/nova dev runs it, so a test can kill -9 it. */
final class ServerProcess implements AutoCloseable {
  private final int port;
  private final Path log;
  private final Map<String, String> environment = new HashMap<>();
  private Process process;

  ServerProcess(Path log) throws IOException {
    this(log, freePort());
  }

  /** On a given port: a server started again where the old one was, as bin/nova dev does. */
  ServerProcess(Path log, int port) {
    this.port = port;
    this.log = log;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  ServerProcess with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  ServerProcess start() throws Exception {
    launch();
    try {
      awaitReady();
    } catch (Exception | AssertionError notReady) {
      kill9(); // the caller never gets it to close: it must not outlive the test run
      throw notReady;
    }
    return this;
  }

  /**
   * Starts the process and waits until it answers /health/live, ready or not (a part it needs may
   * be down).
   */
  ServerProcess startLive() throws Exception {
    launch();
    await("/health/live");
    return this;
  }

  private void launch() throws Exception {
    Path web = Path.of("..", "web").toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx512m",
            "-cp",
            web.resolve("target/nova-web.jar") + File.pathSeparator + web.resolve("target/lib/*"),
            "nova.web.NovaApplication",
            "server",
            web.resolve("nova.yml").toString());
    builder.environment().put("NOVA_HTTP_PORT", String.valueOf(port));
    builder.environment().put("NOVA_ADMIN_SECRET", NovaServer.ADMIN_SECRET);
    builder.environment().put("NOVA_CREDENTIALS_FILE", "");
    builder.environment().putAll(environment);
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = builder.start();
  }

  /** SIGKILL: no shutdown hook, no graceful stop. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  void awaitReady() throws Exception {
    await("/health/ready");
  }

  private void await(String health) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) throw new IllegalStateException("the server exited; see " + log);
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + health)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) return;
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "the server did not answer 200 on " + health + " within 60 s; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) kill9();
  }
}
