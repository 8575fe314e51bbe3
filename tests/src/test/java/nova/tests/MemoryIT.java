package nova.tests;

import static nova.tests.BadInputIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The memory service against the real PostgreSQL with pgvector and the local embedding model. */
class MemoryIT {
  private static final List<String> FACTS =
      List.of(
          "Sourdough bread rises with a starter of wild yeast and lactobacilli instead of packaged"
              + " yeast.",
          "The Raft consensus algorithm elects a leader that replicates a log to its followers.",
          "Tomato plants need six to eight hours of direct sunlight and deep, regular watering.",
          "PostgreSQL's VACUUM reclaims storage occupied by dead tuples after updates and deletes.",
          "A violin has four strings tuned in perfect fifths: G, D, A and E.",
          "Espresso is brewed by forcing hot water through finely ground coffee under pressure.");

  private static String scopeWith(List<String> texts, Map<String, Object> metadata) {
    String scope = "project:" + Fixtures.project(false);
    List<Map<String, Object>> items =
        texts.stream()
            .map(t -> Map.<String, Object>of("content", t, "scope", scope, "metadata", metadata))
            .toList();
    Api.Reply stored = Api.admin().post("/api/v1/memories/batch", Map.of("items", items));
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    return scope;
  }

  private static JsonNode search(
      String scope, String query, String mode, Object filter, int limit) {
    Map<String, Object> body =
        new HashMap<>(Map.of("query", query, "mode", mode, "scope", scope, "limit", limit));
    if (filter != null) body.put("filter", filter);
    Api.Reply reply = Api.admin().post("/api/v1/memories/search", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("results");
  }

  private static List<String> contents(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.path("content").asText()));
    return out;
  }

  @Test
  void eachModeFindsTheFactAskedFor() {
    String scope = scopeWith(FACTS, Map.of());
    JsonNode semantic =
        search(scope, "how do I make bread rise without store-bought yeast", "semantic", null, 3);
    assertThat(semantic.get(0).path("content").asText()).startsWith("Sourdough");
    assertThat(semantic.get(0).path("semantic_rank").asInt()).isEqualTo(1);
    assertThat(semantic.get(0).path("keyword_rank").isNull()).isTrue();
    assertThat(semantic.get(0).path("score").asDouble()).isEqualTo(1.0 / 61);
    assertThat(contents(search(scope, "distributed systems leader election", "semantic", null, 1)))
        .containsExactly(FACTS.get(1));
    assertThat(contents(search(scope, "coffee machine", "semantic", null, 1)))
        .containsExactly(FACTS.get(5));

    JsonNode keyword = search(scope, "dead tuples", "keyword", null, 5);
    assertThat(contents(keyword)).containsExactly(FACTS.get(3));
    assertThat(keyword.get(0).path("keyword_rank").asInt()).isEqualTo(1);
    assertThat(keyword.get(0).path("semantic_rank").isNull()).isTrue();
    assertThat(search(scope, "quantum chromodynamics", "keyword", null, 5)).isEmpty();

    JsonNode hybrid = search(scope, "violin strings tuning", "hybrid", null, 3);
    assertThat(hybrid.get(0).path("content").asText()).isEqualTo(FACTS.get(4));
    assertThat(hybrid.get(0).path("semantic_rank").asInt()).isEqualTo(1);
    assertThat(hybrid.get(0).path("keyword_rank").asInt()).isEqualTo(1);
    assertThat(hybrid.get(0).path("score").asDouble()).isEqualTo(2.0 / 61);
  }

  /** A memory high in one list and missing from the other ranks below one that both lists have. */
  @Test
  void hybridOrderFusesBothLists() {
    String scope =
        scopeWith(
            List.of(
                "Watering tomato plants deeply in the morning keeps the leaves dry.",
                "Irrigate vegetables at dawn so the foliage dries before evening.",
                "Tomato soup with basil and cream."),
            Map.of());
    JsonNode hybrid = search(scope, "watering tomato plants", "hybrid", null, 3);
    JsonNode first = hybrid.get(0);
    assertThat(first.path("content").asText()).startsWith("Watering tomato plants");
    for (JsonNode hit : hybrid) {
      double expected =
          (hit.path("semantic_rank").isNull() ? 0 : 1.0 / (60 + hit.path("semantic_rank").asInt()))
              + (hit.path("keyword_rank").isNull()
                  ? 0
                  : 1.0 / (60 + hit.path("keyword_rank").asInt()));
      assertThat(hit.path("score").asDouble()).isCloseTo(expected, Offset.offset(1e-12));
    }
    for (int i = 1; i < hybrid.size(); i++)
      assertThat(hybrid.get(i).path("score").asDouble())
          .isLessThanOrEqualTo(hybrid.get(i - 1).path("score").asDouble());
  }

  @Test
  void filtersByScopeAndMetadataWithoutStarving() {
    // 200 memories about one topic in a crowded scope, and three in a small one: a search of the
    // small
    // scope must still find all three, which the HNSW iterative scan makes sure of
    List<String> crowd =
        IntStream.range(0, 200)
            .mapToObj(i -> "Note " + i + " about bread baking, ovens and flour hydration.")
            .toList();
    scopeWith(crowd, Map.of("kind", "crowd"));
    String small =
        scopeWith(
            List.of(
                "Bread baking at altitude needs less yeast.",
                "Rye flour makes a denser loaf.",
                "Meteor showers peak in August."),
            Map.of("kind", "note"));
    assertThat(search(small, "bread baking", "semantic", null, 10)).hasSize(3);

    String tagged = "project:" + Fixtures.project(false);
    Api admin = Api.admin();
    admin.post(
        "/api/v1/memories",
        Map.of(
            "content",
            "The deploy runs on Fridays.",
            "scope",
            tagged,
            "metadata",
            Map.of("team", "ops", "level", 1)));
    admin.post(
        "/api/v1/memories",
        Map.of(
            "content",
            "The deploy freezes in December.",
            "scope",
            tagged,
            "metadata",
            Map.of("team", "dev", "level", 2)));
    admin.post(
        "/api/v1/memories",
        Map.of(
            "content",
            "The deploy needs two approvals.",
            "scope",
            tagged,
            "metadata",
            Map.of("team", "sec", "level", 3)));
    assertThat(contents(search(tagged, "deploy", "hybrid", Map.of("team", "ops"), 10)))
        .containsExactly("The deploy runs on Fridays.");
    assertThat(
            contents(
                search(
                    tagged,
                    "deploy",
                    "semantic",
                    Map.of("level", Map.of("in", List.of(2, 3))),
                    10)))
        .containsExactlyInAnyOrder(
            "The deploy freezes in December.", "The deploy needs two approvals.");
    assertThat(search(tagged, "deploy", "keyword", Map.of("team", "nobody"), 10)).isEmpty();
  }

  @Test
  void longTextsAreChunkedWithOverlapAndFoundByAnyPart() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) text.append("filler").append(i).append(' ');
    text.append("The secret ingredient of the stew is smoked paprika. ");
    Api.Reply stored =
        Api.admin()
            .post(
                "/api/v1/memories",
                Map.of("content", text.toString(), "scope", "project:" + Fixtures.project(false)));
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.json().path("chunks").asInt())
        .isEqualTo(3); // 309 words: 0-119, 96-215, 192-308
    JsonNode hit =
        search(stored.json().path("scope").asText(), "smoked paprika", "keyword", null, 5).get(0);
    assertThat(hit.path("id").asText()).isEqualTo(stored.text("id"));
    assertThat(hit.path("passage").asText()).endsWith("smoked paprika.").startsWith("filler192 ");
    assertThat(hit.path("content").asText()).startsWith("filler0 ");
  }

  @Test
  void theSameTextInAScopeIsStoredOnce() {
    String scope = "project:" + Fixtures.project(false);
    Api.Reply first =
        Api.admin().post("/api/v1/memories", Map.of("content", "Deduplicate me.", "scope", scope));
    Api.Reply again =
        Api.admin()
            .post("/api/v1/memories", Map.of("content", "  Deduplicate me.\n", "scope", scope));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("id")).isEqualTo(first.text("id"));
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    Api.Reply batch =
        Api.admin()
            .post(
                "/api/v1/memories/batch",
                Map.of(
                    "items",
                    List.of(
                        Map.of("content", "Twice in one batch.", "scope", scope),
                            Map.of("content", "Twice in one batch.", "scope", scope),
                        Map.of("content", "Deduplicate me.", "scope", scope),
                            Map.of("content", "Deduplicate me.", "scope", "global"))));
    JsonNode items = batch.json().path("items");
    assertThat(items.get(1).path("id")).isEqualTo(items.get(0).path("id"));
    assertThat(items.get(1).path("duplicate").asBoolean()).isTrue();
    assertThat(items.get(2).path("id").asText()).isEqualTo(first.text("id"));
    assertThat(items.get(3).path("id").asText()).isNotEqualTo(first.text("id"));
    assertThat(Api.admin().get("/api/v1/memories?scope=" + scope).json().path("memories"))
        .hasSize(2);
  }

  @Test
  void readListCountAndDelete() {
    String scope = scopeWith(List.of("First fact.", "Second fact."), Map.of("source", "it"));
    JsonNode listed = Api.admin().get("/api/v1/memories?scope=" + scope).json().path("memories");
    assertThat(listed).hasSize(2);
    String id = listed.get(0).path("id").asText();
    Api.Reply one = Api.admin().get("/api/v1/memories/" + id);
    assertThat(one.json().path("metadata").path("source").asText()).isEqualTo("it");
    assertThat(one.json().path("chunks").asInt()).isEqualTo(1);
    JsonNode stats = Api.admin().get("/api/v1/memories/stats").json();
    assertThat(stats.path("active_model").asText()).isEqualTo("local/all-minilm-l6-v2");
    assertThat(stats.path("memories").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stats.path("models").get(0).path("dimensions").asInt()).isEqualTo(384);
    assertThat(Api.admin().delete("/api/v1/memories/" + id).status()).isEqualTo(204);
    assertError(Api.admin().get("/api/v1/memories/" + id), 404, "does not exist");
    assertError(Api.admin().delete("/api/v1/memories/" + id), 404, "does not exist");
    assertThat(Api.admin().get("/api/v1/memories?scope=" + scope).json().path("memories"))
        .hasSize(1);
  }

  @Test
  void badInputIs400AndStoresNothing() {
    String scope = "project:" + Fixtures.project(false);
    Api admin = Api.admin();
    assertError(
        admin.post("/api/v1/memories", Map.of("content", "  ", "scope", scope)),
        400,
        "content is empty");
    assertError(
        admin.post("/api/v1/memories", Map.of("content", "x".repeat(100_001), "scope", scope)),
        400,
        "at most 100000");
    assertError(
        admin.post("/api/v1/memories", Map.of("content", "x", "scope", "team:a")),
        400,
        "unknown scope 'team:a'");
    assertError(
        admin.post("/api/v1/memories", Map.of("content", "x", "scope", "agent:no-such-agent")),
        400,
        "no agent has that id or name");
    assertError(admin.post("/api/v1/memories", Map.of("content", "x")), 400, "scope is required");
    assertError(
        admin.post(
            "/api/v1/memories/batch",
            Map.of(
                "items",
                List.of(
                    Map.of("content", "good one", "scope", scope),
                    Map.of("content", "", "scope", scope)))),
        400,
        "items[1].content is empty");
    assertThat(admin.get("/api/v1/memories?scope=" + scope).json().path("memories")).isEmpty();
    assertError(
        admin.post("/api/v1/memories/search", Map.of("query", "x", "mode", "fuzzy")),
        400,
        "not one of semantic, keyword, hybrid");
    assertError(
        admin.post(
            "/api/v1/memories/search",
            Map.of("query", "x", "filter", Map.of("k", Map.of("gt", 1)))),
        400,
        "filter.k is an object");
    assertError(
        admin.post(
            "/api/v1/memories/search",
            Map.of("query", "x", "filter", Map.of("k", Map.of("in", List.of())))),
        400,
        "filter.k.in has 0 values");
    assertError(
        admin.post("/api/v1/memories/search", Map.of("query", "", "mode", "keyword")),
        400,
        "query is empty");
    assertError(
        admin.post("/api/v1/memories/search", Map.of("query", "x", "limit", 1000)),
        400,
        "limit must be 1 to 100");
    assertError(
        admin.post("/api/v1/memories/search", Map.of("query", "x", "scope", 7)),
        400,
        "scope must be a string");
    assertError(admin.get("/api/v1/memories?limit=0"), 400, "limit must be 1 to 200");
  }
}
