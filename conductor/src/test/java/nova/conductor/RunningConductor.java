package nova.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nova.conductor.config.Allocations;
import nova.conductor.config.AppConfig;
import nova.conductor.config.Configs;
import nova.conductor.config.Datacenter;
import nova.conductor.config.ModelConfig;
import nova.conductor.fleet.AgentLauncher;
import nova.conductor.fleet.Fleet;
import nova.conductor.fleet.MockAgentLauncher;
import nova.conductor.http.HttpFront;

/**
 * A conductor built from the example configs in conductor/configs/, in this JVM, with real mock
 * agent processes on UNIX sockets and its HTTP endpoint on a free port.
 */
public final class RunningConductor implements AutoCloseable {
  public static final Path CONFIGS = Path.of("configs").toAbsolutePath();
  static final ObjectMapper JSON = new ObjectMapper();
  private final Conductor conductor;
  private final HttpFront http;
  private final Path sockets;
  private final HttpClient client = HttpClient.newHttpClient();

  private RunningConductor(Conductor conductor, HttpFront http, Path sockets) {
    this.conductor = conductor;
    this.http = http;
    this.sockets = sockets;
  }

  /** Mock agents at the given pace; the first token after 20 ms. */
  public static RunningConductor start(
      String modelFile, String allocation, String instance, double tokensPerSecond)
      throws Exception {
    AppConfig app = testApp(tokensPerSecond);
    return start(modelFile, allocation, instance, app, launcher(app));
  }

  public static RunningConductor start(
      String modelFile, String allocation, String instance, AppConfig app, AgentLauncher launcher)
      throws Exception {
    Datacenter dc = Configs.datacenter(CONFIGS.resolve("datacenter.toml"));
    ModelConfig model = Configs.model(CONFIGS.resolve(modelFile));
    Path sockets = Files.createTempDirectory(Path.of("/tmp"), "nc");
    Conductor conductor = new Conductor(dc, CONFIGS, new Fleet(launcher, app.agents(), sockets));
    try {
      conductor.deploy(
          new Deployment(modelFile, model, Allocations.parse(allocation, dc, model), instance));
    } catch (Exception e) {
      conductor.close();
      throw e;
    }
    return new RunningConductor(
        conductor, HttpFront.start(conductor, "127.0.0.1", 0, ADMIN_TOKEN), sockets);
  }

  public static AppConfig testApp(double tokensPerSecond) throws Exception {
    AppConfig base = Configs.app(CONFIGS.resolve("app_config.toml"));
    AppConfig.Agents a = base.agents();
    AppConfig.Agents fast =
        new AppConfig.Agents(
            a.socketDir(),
            Duration.ofMillis(200),
            Duration.ofMillis(1500),
            Duration.ofMillis(50),
            Duration.ofMillis(400),
            Duration.ofSeconds(20),
            Duration.ofSeconds(20),
            a.maxInFlight());
    return new AppConfig(
        base.http(),
        fast,
        new AppConfig.MockAgents(Duration.ofMillis(20), tokensPerSecond, Duration.ZERO));
  }

  /** The native mock agents this module builds, logging to target/mock-agents.log. */
  public static AgentLauncher launcher(AppConfig app) {
    // not the test JVM's stdout, which Surefire reads as its own channel
    return new MockAgentLauncher(
        app.mock(),
        app.agents(),
        MockAgentLauncher.defaultBinary(),
        ProcessBuilder.Redirect.appendTo(Path.of("target", "mock-agents.log").toFile()));
  }

  public Conductor conductor() {
    return conductor;
  }

  public String baseUrl() {
    return http.baseUrl();
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A post with the admin token, as Nova sends it. */
  public HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return post(path, json, "Bearer " + ADMIN_TOKEN);
  }

  /** {@code authorization}: the header's value, or null for none. */
  public HttpResponse<String> post(String path, String json, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) request.header("Authorization", authorization);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static final String ADMIN_TOKEN = "test-conductor-admin-token";

  public static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  /** A chat body for the model with one user message. */
  public static String chat(String model, String prompt, boolean stream) {
    return JSON.createObjectNode()
        .put("model", model)
        .put("stream", stream)
        .set(
            "messages",
            JSON.createArrayNode()
                .add(JSON.createObjectNode().put("role", "user").put("content", prompt)))
        .toString();
  }

  @Override
  public void close() throws IOException {
    http.close();
    conductor.close();
    try (var files = Files.list(sockets)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
    }
    Files.deleteIfExists(sockets);
  }
}
