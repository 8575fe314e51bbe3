package nova.conductor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nova.conductor.RunningConductor;
import org.junit.jupiter.api.Test;

/** Drain, scale and redeploy through /admin, with requests in flight. */
class DrainAndScaleTest {
  @Test
  void aDrainedAgentFinishesItsWorkTakesNoMoreAndExits() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1", "test", 30)) {
      CompletableFuture<HttpResponse<String>> inFlight =
          CompletableFuture.supplyAsync(
              () ->
                  post(
                      c,
                      "/openai/v1/chat/completions",
                      RunningConductor.chat("test", "a long answer, please", false)));
      Agent busy = awaitBusy(c);
      long pid = busy.pid();
      HttpResponse<String> drained =
          c.post("/admin/drain", "{\"node\": \"" + busy.spec().node() + "\"}");
      assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
      assertThat(inFlight.get().statusCode())
          .as("the request in flight finished on the draining agent")
          .isEqualTo(200);
      assertThat(busy.state()).isEqualTo(AgentState.DRAINED);
      assertThat(busy.restarts()).isZero();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("the drained agent exited")
          .isFalse();
      JsonNode status = RunningConductor.json(c.get("/status"));
      assertThat(status.path("agents").findValuesAsText("node")).doesNotContain(busy.spec().node());
      assertThat(
              c.post(
                      "/openai/v1/chat/completions",
                      RunningConductor.chat("test", "still there?", false))
                  .statusCode())
          .isEqualTo(200);
      assertThat(c.post("/admin/drain", "{\"node\": \"c9r9e9\"}").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void theAdminApiAsksForItsTokenBeforeItChangesAnything() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1", "test", 2000)) {
      String scale = "{\"allocation\": \"c1r2\"}";
      int agents = RunningConductor.json(c.get("/status")).path("agents").size();
      HttpResponse<String> none = c.post("/admin/scale", scale, null);
      assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
      assertThat(RunningConductor.json(none).path("error").path("message").asText())
          .contains("Authorization: Bearer");
      assertThat(c.post("/admin/scale", scale, "Bearer not-the-token").statusCode()).isEqualTo(401);
      assertThat(
              c.post("/admin/drain", "{\"node\": \"c1r1e1\"}", RunningConductor.ADMIN_TOKEN)
                  .statusCode())
          .as("without the Bearer scheme")
          .isEqualTo(401);
      assertThat(RunningConductor.json(c.get("/status")).path("agents").size())
          .as("nothing changed")
          .isEqualTo(agents);
    }
  }

  @Test
  void scaleAddsAndDrainsEnginesAndRedeployChangesTheModel() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1", "test", 2000)) {
      HttpResponse<String> scaled = c.post("/admin/scale", "{\"allocation\": \"c1r2\"}");
      assertThat(scaled.statusCode()).as(scaled.body()).isEqualTo(200);
      for (JsonNode a :
          RunningConductor.json(scaled).path("agents")) { // an idle agent may have drained already
        if (a.path("node").asText().startsWith("c1r2"))
          assertThat(a.path("state").asText()).as(a.toString()).isEqualTo("ready");
        else assertThat(a.path("state").asText()).as(a.toString()).isIn("draining", "drained");
      }
      awaitNodes(c, List.of("c1r2e0", "c1r2e1"));
      HttpResponse<String> bad = c.post("/admin/scale", "{\"allocation\": \"c1r2,,c1r3\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(RunningConductor.json(bad).path("error").path("message").asText())
          .contains("position");
      assertThat(nodes(c))
          .as("a refused scale changes nothing")
          .containsExactly("c1r2e0", "c1r2e1");

      HttpResponse<String> deployed =
          c.post(
              "/admin/deploy",
              "{\"model_config\": \"vision_model_config.toml\", \"allocation\": \"c1r1:c1r2\","
                  + " \"instance_model_name\": \"eyes\"}");
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
      JsonNode status = RunningConductor.json(deployed);
      assertThat(status.path("kind").asText()).isEqualTo("vision");
      assertThat(status.path("instance").asText()).isEqualTo("eyes");
      assertThat(
              c.post(
                      "/openai/v1/chat/completions",
                      RunningConductor.chat("eyes", "what is this?", false))
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              c.post(
                      "/admin/deploy",
                      "{\"model_config\": \"../etc/passwd\", \"allocation\": \"c1r1\"}")
                  .statusCode())
          .isEqualTo(400);
    }
  }

  private static void awaitNodes(RunningConductor c, List<String> expected) throws Exception {
    for (int i = 0; i < 200 && !nodes(c).equals(expected); i++) Thread.sleep(25);
    assertThat(nodes(c)).as("the drained agents leave").isEqualTo(expected);
  }

  private static List<String> nodes(RunningConductor c) throws Exception {
    return RunningConductor.json(c.get("/status")).path("agents").findValuesAsText("node");
  }

  private static Agent awaitBusy(RunningConductor c) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      var busy = c.conductor().fleet().agents().stream().filter(a -> a.inFlight() > 0).findFirst();
      if (busy.isPresent()) return busy.get();
      Thread.sleep(10);
    }
    throw new AssertionError("no agent took the request");
  }

  private static HttpResponse<String> post(RunningConductor c, String path, String body) {
    try {
      return c.post(path, body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
