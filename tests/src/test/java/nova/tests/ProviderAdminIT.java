package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nova.activities.llm.FakeProvider;
import nova.activities.llm.ProviderKind;
import org.junit.jupiter.api.Test;

/**
 * Providers and aliases through the API: checked input, keys never shown back, the built-in model
 * read-only and gone while a provider is enabled.
 */
class ProviderAdminIT {
  @Test
  void keysAreMaskedAndAnEmptyKeyOnUpdateKeepsTheStoredOne() throws Exception {
    try (FakeProvider fake =
            new FakeProvider(ProviderKind.OPENAI).otherwise(FakeProvider.Plan.answer("ok"));
        Gateways gateways = new Gateways()) {
      String name = gateways.provider(fake, null);
      JsonNode shown = Api.admin().get("/api/v1/providers/" + name).json();
      assertThat(shown.path("api_key").asText())
          .startsWith("sk-")
          .contains("••••")
          .doesNotContain("upstream");
      assertThat(Api.admin().get("/api/v1/providers").body()).doesNotContain("sk-upstream-");
      assertThat(Api.admin().get("/providers").body())
          .doesNotContain("sk-upstream-")
          .contains(name);

      assertThat(Api.admin().post("/api/v1/providers", body(name, fake.baseUrl())).status())
          .isEqualTo(409);
      Map<String, Object> update = body(name, fake.baseUrl());
      update.put("api_key", "");
      update.put(
          "models", List.of(Map.of("id", "m-1"), Map.of("id", "m-2", "input_per_mtok", 0.5)));
      Api.Reply put = Api.admin().send("PUT", "/api/v1/providers/" + name, update);
      assertThat(put.status()).as(put.body()).isEqualTo(200);
      assertThat(put.json().path("models").findValuesAsText("id")).containsExactly("m-1", "m-2");
      assertThat(Gateways.chat(name + "/m-2", false).status()).isEqualTo(200);
      assertThat(fake.received().getLast().header("Authorization"))
          .isEqualTo("Bearer sk-upstream-" + name);
      assertThat(fake.received().getLast().body().path("model").asText()).isEqualTo("m-2");

      // a stored key never follows the provider to another host
      Map<String, Object> moved = body(name, "http://127.0.0.1:9/v1");
      moved.put("api_key", "");
      Api.Reply refused = Api.admin().send("PUT", "/api/v1/providers/" + name, moved);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().path("detail").path("field").asText()).isEqualTo("api_key");
      assertThat(refused.json().path("error").asText()).contains("base_url", "api_key");
      assertThat(Api.admin().get("/api/v1/providers/" + name).json().path("base_url").asText())
          .as("nothing stored")
          .isEqualTo(fake.baseUrl());

      // with a provider enabled, the built-in local model steps aside
      assertThat(Api.admin().get("/v1/models").json().path("data").findValuesAsText("id"))
          .doesNotContain("local/builtin-chat")
          .contains(name + "/m-2");
    }
    assertThat(Api.admin().get("/v1/models").json().path("data").findValuesAsText("id"))
        .contains("local/builtin-chat");
  }

  @Test
  void badProvidersAreRefusedNamingTheFieldAndNothingIsStored() {
    String name = Fixtures.unique("bad");
    expect(
        "POST",
        "/api/v1/providers",
        with(body(name, "ftp://example.com"), "base_url", "ftp://example.com"),
        400,
        "base_url");
    expect(
        "POST",
        "/api/v1/providers",
        with(body(name, "http://127.0.0.1:9/v1"), "kind", "bedrock"),
        400,
        "kind");
    expect(
        "POST",
        "/api/v1/providers",
        with(body("Bad Name", "http://127.0.0.1:9/v1"), "name", "Bad Name"),
        400,
        "name");
    expect(
        "POST",
        "/api/v1/providers",
        with(body(name, "http://127.0.0.1:9/v1"), "models", List.of()),
        400,
        "models");
    expect(
        "POST",
        "/api/v1/providers",
        with(
            body(name, "http://127.0.0.1:9/v1"),
            "models",
            List.of(Map.of("id", "a"), Map.of("id", "a"))),
        400,
        "models[1].id");
    Map<String, Object> anthropic = body(name, "https://api.anthropic.com");
    anthropic.put("kind", "anthropic");
    anthropic.remove("api_key");
    expect("POST", "/api/v1/providers", anthropic, 400, "api_key");
    assertThat(Api.admin().get("/api/v1/providers/" + name).status()).isEqualTo(404);
    assertThat(Api.admin().get("/api/v1/providers").json().findValuesAsText("name"))
        .doesNotContain(name);
  }

  @Test
  void theBuiltInModelCannotBeChangedAndViewersOnlyLook() {
    JsonNode local = Api.admin().get("/api/v1/providers/local").json();
    assertThat(local.path("kind").asText()).isEqualTo("local");
    assertThat(local.path("label").asText()).contains("not a real model");
    assertThat(Api.admin().delete("/api/v1/providers/local").status()).isEqualTo(409);
    String viewer =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", "viewer-providers", "role", "viewer"))
            .text("key");
    assertThat(Api.key(viewer).get("/api/v1/providers").status()).isEqualTo(200);
    assertThat(
            Api.key(viewer)
                .post("/api/v1/providers", body(Fixtures.unique("v"), "http://127.0.0.1:9/v1"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void aliasesNameExistingModelsOnly() {
    expect(
        "PUT",
        "/api/v1/model-aliases/" + Fixtures.unique("a"),
        Map.of("targets", List.of("local/builtin-chat", "local/nope")),
        400,
        "targets[1]");
    expect(
        "PUT",
        "/api/v1/model-aliases/" + Fixtures.unique("a"),
        Map.of("targets", List.of()),
        400,
        "targets");
    String alias = Fixtures.unique("fast");
    Api.Reply put =
        Api.admin()
            .send(
                "PUT",
                "/api/v1/model-aliases/" + alias,
                Map.of("targets", List.of("local/builtin-chat")));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(Gateways.chat(alias, false).header("X-Nova-Route")).contains("local/builtin-chat");
    assertThat(Api.admin().get("/v1/models").json().path("data").findValuesAsText("id"))
        .contains(alias);
    assertThat(Api.admin().delete("/api/v1/model-aliases/" + alias).status()).isEqualTo(204);
    assertThat(Gateways.chat(alias, false).status()).isEqualTo(404);
  }

  private static Map<String, Object> body(String name, String baseUrl) {
    return new HashMap<>(
        Map.of(
            "name",
            name,
            "kind",
            "openai",
            "base_url",
            baseUrl,
            "api_key",
            "sk-x",
            "models",
            List.of(Map.of("id", "m-1"))));
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    body.put(field, value);
    return body;
  }

  private static void expect(
      String method, String path, Map<String, Object> body, int status, String field) {
    Api.Reply reply = Api.admin().send(method, path, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).contains(field);
  }
}
