package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Nova server while an action is in flight: a new server process takes over, the
 * task goes on from where it was, and the client's retry with the same Idempotency-Key is applied
 * once.
 */
class RestartIT {
  @Test
  void aTaskSurvivesKillNineAtAnyPointAndNoActionIsAppliedTwice() throws Exception {
    Path log = Files.createDirectories(Path.of("target")).resolve("restart-it-server.log");
    Fixtures.Agent agent = Fixtures.agent(true);
    List<String> tasks =
        List.of(
            Fixtures.taskInPlanReview(agent),
            Fixtures.taskInPlanReview(agent),
            Fixtures.taskInPlanReview(agent));
    long[] killAfterMillis = {0, 15, 60};
    for (int round = 0; round < tasks.size(); round++) {
      String id = tasks.get(round);
      String key = Fixtures.unique("approve");
      try (ServerProcess first = new ServerProcess(log).start()) {
        CompletableFuture<HttpResponse<String>> inFlight = approve(first.baseUrl(), id, key);
        Thread.sleep(killAfterMillis[round]);
        first.kill9();
        inFlight.handle((reply, failure) -> null).join();
      }
      try (ServerProcess second = new ServerProcess(log).start()) {
        HttpResponse<String> retried = approve(second.baseUrl(), id, key).join();
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonNode detail = Api.JSON.readTree(retried.body());
        assertThat(detail.path("task").path("status").asText()).isEqualTo("running");
        assertThat(LifecycleIT.types(detail).stream().filter("plan_approved"::equals))
            .as("applied once")
            .hasSize(1);
      }
      Fixtures.expect(
          agent
              .api()
              .post("/api/v1/server/tasks/" + id + "/submit", Map.of("text", "after the crash")),
          "review");
    }
  }

  private static CompletableFuture<HttpResponse<String>> approve(
      String base, String id, String key) {
    return HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/" + id + "/plan/approve"))
                .header("X-Admin-Secret", NovaServer.ADMIN_SECRET)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
