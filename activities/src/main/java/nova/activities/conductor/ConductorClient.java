package nova.activities.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nova.workflows.conductor.messages.ConductorStatus;

/** A conductor's /status and /admin API, over HTTP with JSON. */
final class ConductorClient {
  // Another program's wire format (a provider's, the conductor's), not Nova's stored or API
  // JSON: a plain mapper, so that no setting of Nova's own can change what is sent or read.
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String adminToken;

  /**
   * {@code adminToken}: sent to /admin as a bearer token; blank for a client that only reads
   * /status and models.
   */
  ConductorClient(String adminToken) {
    this.adminToken = adminToken == null ? "" : adminToken;
  }

  /** The answer of a call: its status code and body; 503 from /status still carries the status. */
  public record Answer(int code, JsonNode body) {
    public String error() {
      return body.path("error").path("message").asText(body.toString());
    }
  }

  public CompletableFuture<Answer> status(String baseUrl) {
    return send(HttpRequest.newBuilder(uri(baseUrl, "/status")).GET());
  }

  public CompletableFuture<Answer> admin(String baseUrl, String action, ObjectNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(baseUrl, "/admin/" + action))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (!adminToken.isBlank()) request.header("Authorization", "Bearer " + adminToken);
    return send(request);
  }

  /** The models a conductor serves: its instance, then its LoRA adapters. */
  public List<String> models(String baseUrl, Duration within)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri(baseUrl, "/openai/v1/models")).timeout(within).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200)
      throw new IOException(
          "the conductor at " + baseUrl + " answered " + r.statusCode() + " for its models");
    List<String> models = new ArrayList<>();
    JSON.readTree(r.body()).path("data").forEach(m -> models.add(m.path("id").asText()));
    return models;
  }

  public static ObjectNode body() {
    return JSON.createObjectNode();
  }

  public static ConductorStatus parse(JsonNode s) {
    List<ConductorStatus.AgentStatus> agents = new ArrayList<>();
    for (JsonNode a : s.path("agents")) {
      List<String> adapters = new ArrayList<>();
      a.path("adapters").forEach(x -> adapters.add(x.asText()));
      agents.add(
          new ConductorStatus.AgentStatus(
              a.path("node").asText(),
              a.path("role").asText(),
              a.path("group").asInt(),
              a.path("state").asText(),
              a.path("in_flight").asInt(),
              a.path("completed").asLong(),
              a.path("restarts").asInt(),
              adapters));
    }
    return new ConductorStatus(
        s.path("instance").asText(),
        s.path("model").asText(),
        s.path("kind").asText(),
        s.path("model_config").asText(),
        s.path("allocation").asText(),
        agents);
  }

  private CompletableFuture<Answer> send(HttpRequest.Builder request) {
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              try {
                return new Answer(r.statusCode(), JSON.readTree(r.body()));
              } catch (IOException e) {
                return new Answer(
                    r.statusCode(), JSON.createObjectNode().put("error", "not JSON: " + r.body()));
              }
            });
  }

  private static URI uri(String baseUrl, String path) {
    return URI.create(baseUrl.replaceAll("/+$", "") + path);
  }
}
