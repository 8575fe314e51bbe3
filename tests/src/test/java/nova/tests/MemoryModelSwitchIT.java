package nova.tests;

import static nova.tests.BadInputIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nova.activities.llm.FakeProvider;
import nova.activities.llm.ProviderKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switching the embedding model, end to end: the API, the MemoryReembedWorkflow on the test
 * Temporal, the gateway calling an OpenAI-compatible embedding server over HTTP, and PostgreSQL.
 * The server holds any text carrying {@link FakeProvider#HOLD}, which keeps a switch under way.
 */
class MemoryModelSwitchIT {
  static final String LOCAL = "local/all-minilm-l6-v2";
  private static final String SWITCHES = "/api/v1/memories/models/switch";

  @AfterEach
  void theLocalModelIsActiveAgain() {
    assertThat(stats().path("active_model").asText()).isEqualTo(LOCAL);
    assertThat(stats().path("models")).hasSize(1);
  }

  @Test
  void aSwitchReembedsInTheBackgroundThenSearchUsesOnlyTheNewModel() throws Exception {
    try (FakeProvider fake = new FakeProvider(ProviderKind.OPENAI);
        Gateways gateways = new Gateways()) {
      String model = gateways.provider(fake, null) + "/m-1";
      String scope = "project:" + Fixtures.project(false);
      store(scope, "The lighthouse keeper polishes the great lens every evening before dusk.");
      store(scope, "Bees dance to tell the hive where the flowers are. " + FakeProvider.HOLD);
      try {
        Api.Reply started = Api.admin().post(SWITCHES, Map.of("model", model));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.text("phase")).isEqualTo("embedding");
        assertThat(started.text("model")).isEqualTo(model);

        JsonNode building = stats().path("model_switch");
        assertThat(building.path("status").asText()).isEqualTo("building");
        assertThat(building.path("dimensions").asInt())
            .isEqualTo(FakeProvider.EMBEDDING_DIMENSIONS);
        assertThat(building.path("progress").asDouble()).isLessThan(1.0);
        assertThat(stats().path("models").findValuesAsText("status"))
            .containsExactlyInAnyOrder("active", "building");
        assertError(
            Api.admin().post(SWITCHES, Map.of("model", "local/builtin-embed")),
            409,
            "a switch to " + model + " is under way");
        // search keeps to the active model while the new one is built
        assertThat(search(scope, "lighthouse lens", "semantic").path("model").asText())
            .isEqualTo(LOCAL);
        // a memory stored now is embedded with both models, while the pass is still held
        store(scope, "Glaciers carve valleys into a U shape as they slide downhill.");
        try (var h = Fixtures.database().jdbi().open()) {
          assertThat(
                  h.createQuery(
                          "SELECT model FROM memory_chunks WHERE content LIKE 'Glaciers carve%'")
                      .mapTo(String.class)
                      .list())
              .containsExactlyInAnyOrder(LOCAL, model);
        }

        fake.releaseHeld();
        JsonNode done = awaitSwitchEnd();
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.path("previous_model").asText()).isEqualTo(LOCAL);

        JsonNode stats = stats();
        assertThat(stats.path("active_model").asText()).isEqualTo(model);
        assertThat(stats.path("models")).hasSize(1);
        JsonNode found = search(scope, "glaciers valleys", "semantic");
        assertThat(found.path("model").asText()).isEqualTo(model);
        assertThat(found.path("results").get(0).path("content").asText()).startsWith("Glaciers");
        assertThat(
                search(scope, "lighthouse lens", "hybrid")
                    .path("results")
                    .get(0)
                    .path("content")
                    .asText())
            .startsWith("The lighthouse");
        try (var h = Fixtures.database().jdbi().open()) {
          assertThat(
                  h.createQuery("SELECT count(*) FROM memory_chunks WHERE model <> :model")
                      .bind("model", model)
                      .mapTo(Long.class)
                      .one())
              .isZero();
          assertThat(
                  h.createQuery(
                          "SELECT indexdef FROM pg_indexes WHERE tablename = 'memory_chunks' AND"
                              + " indexdef LIKE '%hnsw%'")
                      .mapTo(String.class)
                      .list())
              .singleElement()
              .asString()
              .contains("vector(64)", "'" + model + "'");
        }
      } finally {
        fake.releaseHeld();
        switchBackToLocal();
      }
    }
  }

  @Test
  void aCancelledSwitchLeavesTheActiveModelAndNothingOfTheNewOne() throws Exception {
    try (FakeProvider fake = new FakeProvider(ProviderKind.OPENAI);
        Gateways gateways = new Gateways()) {
      String model = gateways.provider(fake, null) + "/m-1";
      store(
          "project:" + Fixtures.project(false),
          "Owls turn their heads far around. " + FakeProvider.HOLD);
      try {
        assertThat(Api.admin().post(SWITCHES, Map.of("model", model)).status()).isEqualTo(202);
        Api.Reply cancelled = Api.admin().post(SWITCHES + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.text("cancelled_by")).isNotBlank();
        assertError(
            Api.admin().post(SWITCHES + "/cancel", Map.of()), 409, "already being cancelled");

        fake.releaseHeld();
        JsonNode ended = awaitSwitchEnd();
        assertThat(ended.path("status").asText()).isEqualTo("cancelled");
        assertThat(ended.path("reason").asText()).startsWith("cancelled by ");
        try (var h = Fixtures.database().jdbi().open()) {
          assertThat(
                  h.createQuery("SELECT count(*) FROM memory_chunks WHERE model = :model")
                      .bind("model", model)
                      .mapTo(Long.class)
                      .one())
              .isZero();
          assertThat(
                  h.createQuery("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE :m")
                      .bind("m", "%" + model + "%")
                      .mapTo(Long.class)
                      .one())
              .isZero();
        }
        assertError(
            Api.admin().post(SWITCHES + "/cancel", Map.of()), 409, "no model switch is under way");
      } finally {
        fake.releaseHeld();
        switchBackToLocal();
      }
    }
  }

  @Test
  void theMemoryPageShowsASwitchsProgressAndAnAdminCancelsItThere() throws Exception {
    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    try (FakeProvider fake = new FakeProvider(ProviderKind.OPENAI);
        Gateways gateways = new Gateways()) {
      String model = gateways.provider(fake, null) + "/m-1";
      store(
          "project:" + Fixtures.project(false),
          "Otters hold hands while they sleep. " + FakeProvider.HOLD);
      try {
        Api.Reply refused = admin.form("/memories/switch", "model=nope/none", true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("flash error").contains("nope/none");

        Api.Reply started = admin.form("/memories/switch", "model=" + model, true);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.body())
            .contains("id=\"memory-model\"")
            .contains("Switching to <code>" + model + "</code>")
            .contains("class=\"meter\"")
            .contains("hx-trigger=\"every 1s\"")
            .contains("Cancel the switch");
        String polled = Api.admin().get("/memories/parts/model").body();
        assertThat(polled).contains("role=\"progressbar\"").containsPattern("\\d+ of \\d+ chunks");
        assertThat(Api.admin().get("/memories").body())
            .contains("Switching to <code>" + model + "</code>");

        Api.Reply cancelled = admin.form("/memories/switch/cancel", "", true);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        fake.releaseHeld();
        assertThat(awaitSwitchEnd().path("status").asText()).isEqualTo("cancelled");
        String after = Api.admin().get("/memories/parts/model").body();
        assertThat(after)
            .contains("Last switch: to <code>" + model + "</code>")
            .contains("cancelled")
            .contains("hx-trigger=\"none\"");
      } finally {
        fake.releaseHeld();
        switchBackToLocal();
      }
    }
  }

  @Test
  void aModelThatCanNotEmbedIsRefusedBeforeAnythingStarts() throws Exception {
    try (FakeProvider anthropic = new FakeProvider(ProviderKind.ANTHROPIC);
        Gateways gateways = new Gateways()) {
      String chatOnly = gateways.provider(anthropic, "anthropic", null) + "/m-1";
      long switchesBefore = stats().path("model_switch").isNull() ? 0 : 1;
      assertError(Api.admin().post(SWITCHES, Map.of()), 400, "model is missing");
      assertError(
          Api.admin().post(SWITCHES, Map.of("model", "no such/model!")),
          400,
          "is not a model name");
      assertError(Api.admin().post(SWITCHES, Map.of("model", "nope/none")), 400, "nope/none");
      assertError(Api.admin().post(SWITCHES, Map.of("model", chatOnly)), 400, "can't embed");
      assertError(
          Api.admin().post(SWITCHES, Map.of("model", gateways.alias(chatOnly))),
          400,
          "stands for " + chatOnly);
      assertError(
          Api.admin().post(SWITCHES, Map.of("model", LOCAL)), 409, "already the active model");
      assertThat(stats().path("model_switch").isNull() ? 0 : 1).isEqualTo(switchesBefore);
      assertThat(
              Api.admin()
                  .get("/api/v1/memories/models")
                  .json()
                  .path("switches")
                  .findValuesAsText("model"))
          .doesNotContain(chatOnly, "nope/none");
    }
  }

  private static void store(String scope, String content) {
    Api.Reply stored =
        Api.admin().post("/api/v1/memories", Map.of("content", content, "scope", scope));
    assertThat(stored.status()).as(stored.body()).isIn(200, 201);
  }

  private static JsonNode search(String scope, String query, String mode) {
    Api.Reply reply =
        Api.admin()
            .post(
                "/api/v1/memories/search",
                Map.of("query", query, "mode", mode, "scope", scope, "limit", 3));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static JsonNode stats() {
    Api.Reply reply = Api.admin().get("/api/v1/memories/stats");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static JsonNode awaitSwitchEnd() throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode last = stats().path("model_switch");
      if (!last.path("status").asText().equals("building")) return last;
      Thread.sleep(100);
    }
    throw new AssertionError("the model switch did not end within 120 s: " + stats());
  }

  /**
   * Puts the local model back, whatever the test left: the other memory tests expect its exact
   * scores.
   */
  private static void switchBackToLocal() throws InterruptedException {
    if (stats().path("model_switch").path("status").asText().equals("building")) {
      Api.admin().post(SWITCHES + "/cancel", Map.of());
      awaitSwitchEnd();
    }
    if (stats().path("active_model").asText().equals(LOCAL)) return;
    Api.Reply back = Api.admin().post(SWITCHES, Map.of("model", LOCAL));
    assertThat(back.status()).as(back.body()).isEqualTo(202);
    assertThat(awaitSwitchEnd().path("status").asText()).isEqualTo("done");
    assertThat(List.of(stats().path("active_model").asText())).containsExactly(LOCAL);
  }
}
