package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nova.activities.llm.FakeProvider;
import nova.activities.llm.FakeProvider.Plan;
import nova.activities.llm.ProviderKind;
import nova.web.agent.AgentDao;
import nova.web.platform.Database;
import org.junit.jupiter.api.Test;

/** Agents and pods, the one Nova agent, and streaming chat with an agent through the gateway. */
class AgentsIT {
  @Test
  void thereIsExactlyOneNovaAgentHoweverOftenServersStart() throws Exception {
    Database db = Fixtures.database();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      AgentDao store = new AgentDao(db.jdbi(), Api.JSON);
      for (int i = 0; i < 8; i++) pool.submit(() -> store.ensureNova("local/builtin-chat"));
      pool.shutdown();
      assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      db.stop();
    }
    List<JsonNode> nova =
        Api.admin().get("/api/v1/agents").json().findParents("canonical").stream()
            .filter(a -> a.path("canonical").asBoolean())
            .toList();
    assertThat(nova).hasSize(1);
    assertThat(nova.getFirst().path("name").asText()).isEqualTo("Nova");
    String id = nova.getFirst().path("id").asText();
    assertThat(Api.admin().delete("/api/v1/agents/" + id).status()).isEqualTo(409);
    assertThat(
            Api.admin()
                .send("PATCH", "/api/v1/agents/" + id + "/config", Map.of("name", "Other"))
                .status())
        .isEqualTo(409);
  }

  @Test
  void agentsAreCreatedConfiguredAndDeletedWithTheirModelsChecked() {
    String name = Fixtures.unique("writer");
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/agents",
                Map.of(
                    "name",
                    name,
                    "system_prompt",
                    "Write tersely.",
                    "fallback_models",
                    List.of("local/builtin-chat")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.json().path("model").asText()).isEqualTo("local/builtin-chat");
    assertThat(Api.admin().post("/api/v1/agents", Map.of("name", name)).status()).isEqualTo(409);

    Api.Reply unknown =
        Api.admin()
            .send(
                "PATCH",
                "/api/v1/agents/" + id + "/config",
                Map.of("fallback_models", List.of("nope/x")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("detail").path("field").asText())
        .isEqualTo("fallback_models[0]");
    assertThat(unknown.json().path("detail").path("available").toString())
        .contains("local/builtin-chat");

    Api.Reply patched =
        Api.admin()
            .send(
                "PATCH",
                "/api/v1/agents/" + id + "/config",
                Map.of("system_prompt", "Write at length.", "fallback_models", List.of()));
    assertThat(patched.json().path("system_prompt").asText()).isEqualTo("Write at length.");
    assertThat(patched.json().path("fallback_models")).isEmpty();
    assertThat(Api.admin().get("/api/v1/agents/" + id).json().path("system_prompt").asText())
        .isEqualTo("Write at length.");
    assertThat(Api.admin().delete("/api/v1/agents/" + id).status()).isEqualTo(204);
    assertThat(Api.admin().get("/api/v1/agents/" + id).status()).isEqualTo(404);
  }

  @Test
  void podsHoldAgentsAndTakeThemAlongWhenDeleted() {
    Api.Reply bad =
        Api.admin()
            .post("/api/v1/pods", Map.of("name", Fixtures.unique("pod"), "sandbox_tier", "root"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("isolated, nova, workspace or host");
    Api.Reply pod =
        Api.admin()
            .post(
                "/api/v1/pods", Map.of("name", Fixtures.unique("pod"), "sandbox_tier", "isolated"));
    assertThat(pod.status()).as(pod.body()).isEqualTo(201);
    String podId = pod.text("id");
    Api.Reply agent =
        Api.admin()
            .post("/api/v1/pods/" + podId + "/agents", Map.of("name", Fixtures.unique("reviewer")));
    assertThat(agent.status()).as(agent.body()).isEqualTo(201);
    assertThat(agent.json().path("pod_id").asText()).isEqualTo(podId);
    assertThat(
            Api.admin().get("/api/v1/pods/" + podId).json().path("agents").findValuesAsText("id"))
        .containsExactly(agent.text("id"));
    assertThat(
            Api.admin()
                .send("PATCH", "/api/v1/pods/" + podId, Map.of("sandbox_tier", "workspace"))
                .json()
                .path("sandbox_tier")
                .asText())
        .isEqualTo("workspace");
    assertThat(
            Api.admin()
                .send(
                    "PATCH",
                    "/api/v1/pods/" + podId + "/agents/" + agent.text("id"),
                    Map.of("model", "local/builtin-chat"))
                .status())
        .isEqualTo(200);
    assertThat(Api.admin().delete("/api/v1/pods/" + podId).status()).isEqualTo(204);
    assertThat(Api.admin().get("/api/v1/agents/" + agent.text("id")).status()).isEqualTo(404);
  }

  @Test
  void chatWithNovaStreamsTokensAndRecordsUsageForTheAgent() {
    Api.Reply reply =
        Api.admin()
            .post(
                "/api/v1/chat/stream",
                Map.of(
                    "message",
                    "What can you do?",
                    "history",
                    List.of(
                        Map.of("role", "user", "content", "hi"),
                        Map.of("role", "assistant", "content", "hello"))));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<JsonNode> events = Gateways.events(reply.body());
    assertThat(events.getFirst().path("type").asText()).isEqualTo("start");
    assertThat(events.getFirst().path("agent").asText()).isEqualTo("Nova");
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(e -> e.path("type").asText().equals("token"))
        .forEach(e -> text.append(e.path("text").asText()));
    assertThat(text.toString())
        .startsWith("This is Nova's built-in local model")
        .contains("What can you do?");
    assertThat(events.getLast().path("type").asText()).isEqualTo("done");
    assertThat(events.getLast().path("usage").path("output_tokens").asInt())
        .isEqualTo(text.toString().split(" ").length);
  }

  @Test
  void anAgentsFallbackModelTakesOverAndUsageCountsItForTheAgent() throws Exception {
    try (FakeProvider a =
            new FakeProvider(ProviderKind.OPENAI).otherwise(Plan.error(503, "down", null));
        FakeProvider b =
            new FakeProvider(ProviderKind.OPENAI).otherwise(Plan.answer("from", " b"));
        Gateways gateways = new Gateways()) {
      String first = gateways.provider(a, null);
      String second = gateways.provider(b, null);
      String name = Fixtures.unique("fallback-agent");
      Map<String, Object> body =
          new HashMap<>(
              Map.of(
                  "name",
                  name,
                  "model",
                  first + "/m-1",
                  "fallback_models",
                  List.of(second + "/m-1")));
      String agentId = Api.admin().post("/api/v1/agents", body).text("id");
      List<JsonNode> events =
          Gateways.events(
              Api.admin()
                  .post("/api/v1/chat/stream", Map.of("message", "hi", "agent_id", agentId))
                  .body());
      assertThat(events.getLast().path("model").asText()).isEqualTo(second + "/m-1");
      assertThat(UsageRows.outcomes(second)).containsExactly("ok");
      JsonNode byAgent = Api.admin().get("/api/v1/usage?days=1").json().path("by_agent");
      assertThat(byAgent.findValuesAsText("agent")).contains(name);
      Api.admin().delete("/api/v1/agents/" + agentId);
    }
  }

  @Test
  void theAgentsAndChatPagesShowTheNovaAgent() {
    assertThat(Api.admin().get("/agents").body())
        .contains("Nova")
        .contains("canonical")
        .contains("Create pod");
    assertThat(Api.admin().get("/chat").body())
        .contains("id=\"chat-form\"")
        .contains("/assets/chat.js")
        .contains("Nova (");
    assertThat(Api.anonymous().get("/assets/chat.js").body()).contains("getReader");
  }

  @Test
  void anAdminEditsAgentsAndPodsOnThePage() throws Exception {
    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    String pod = Fixtures.unique("pod");
    assertThat(
            admin
                .form(
                    "/agents/pods",
                    "name=" + pod + "&sandbox_tier=isolated&description=first",
                    true)
                .status())
        .isEqualTo(200);
    String podId =
        Api.admin().get("/api/v1/pods").json().findParents("name").stream()
            .filter(p -> p.path("name").asText().equals(pod))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    String agent = Fixtures.unique("editor");
    Api.Reply created =
        admin.form(
            "/agents",
            "name=" + agent + "&model=&fallback_models=&system_prompt=Be+brief.&pod_id=" + podId,
            true);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String agentId =
        Api.admin()
            .get("/api/v1/pods/" + podId + "/agents")
            .json()
            .findValuesAsText("id")
            .getFirst();
    Api.Reply badPod =
        admin.form("/agents", "name=" + Fixtures.unique("stray") + "&pod_id=not-a-pod", true);
    assertThat(badPod.status()).isEqualTo(400);
    assertThat(badPod.body()).contains("pod_id");

    Api.Reply edited =
        admin.form(
            "/agents/" + agentId + "/config",
            "name="
                + agent
                + "-2&model=local/builtin-chat&fallback_models=local/builtin-chat&system_prompt=Be+thorough.",
            true);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.body()).contains(agent + "-2").contains("Be thorough.");
    JsonNode stored = Api.admin().get("/api/v1/agents/" + agentId).json();
    assertThat(stored.path("system_prompt").asText()).isEqualTo("Be thorough.");
    assertThat(stored.path("fallback_models").get(0).asText()).isEqualTo("local/builtin-chat");
    Api.Reply unknown = admin.form("/agents/" + agentId + "/config", "model=nowhere/none", true);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("nowhere/none").contains("local/builtin-chat");
    String nova =
        Api.admin().get("/api/v1/agents").json().findParents("canonical").stream()
            .filter(a -> a.path("canonical").asBoolean())
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    assertThat(admin.form("/agents/" + nova + "/config", "name=Renamed", true).status())
        .as("the Nova agent keeps its name")
        .isEqualTo(409);

    Api.Reply podEdited =
        admin.form(
            "/agents/pods/" + podId, "name=" + pod + "&sandbox_tier=host&description=second", true);
    assertThat(podEdited.status()).as(podEdited.body()).isEqualTo(200);
    assertThat(
            Api.admin()
                .get("/api/v1/pods/" + podId)
                .json()
                .path("pod")
                .path("sandbox_tier")
                .asText())
        .isEqualTo("host");
    assertThat(
            admin
                .form("/agents/pods/" + podId, "name=" + pod + "&sandbox_tier=root", true)
                .status())
        .isEqualTo(400);
    assertThat(admin.form("/agents/pods/" + podId + "/remove", "", true).status()).isEqualTo(200);
    assertThat(Api.admin().get("/api/v1/agents/" + agentId).status())
        .as("a pod's agents go with it")
        .isEqualTo(404);
  }

  @Test
  void viewersMayLookButNotChat() {
    String viewer =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", "viewer-chat", "role", "viewer"))
            .text("key");
    assertThat(Api.key(viewer).get("/api/v1/agents").status()).isEqualTo(200);
    assertThat(Api.key(viewer).post("/api/v1/chat/stream", Map.of("message", "hi")).status())
        .isEqualTo(403);
    assertThat(Api.key(viewer).post("/api/v1/agents", Map.of("name", "x")).status()).isEqualTo(403);
    assertThat(Api.admin().post("/api/v1/chat/stream", Map.of("message", "")).status())
        .isEqualTo(400);
  }
}
