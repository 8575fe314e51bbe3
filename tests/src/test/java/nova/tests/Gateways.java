package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nova.activities.llm.FakeProvider;

/**
 * Providers and aliases made through the API for one test, and removed after it so the built-in
 * local model comes back.
 */
final class Gateways implements AutoCloseable {
  private final List<String> providers = new ArrayList<>();
  private final List<String> aliases = new ArrayList<>();

  /**
   * An OpenAI-compatible provider at {@code fake}, offering m-1, with an optional rate limit of
   * Nova's own.
   */
  String provider(FakeProvider fake, Integer rpm) {
    return provider(fake, "openai", rpm);
  }

  /**
   * A provider of the given kind ({@code openai}, {@code anthropic}, {@code ollama}) at {@code
   * fake}, offering m-1.
   */
  String provider(FakeProvider fake, String kind, Integer rpm) {
    return provider(fake.baseUrl(), kind, "m-1", rpm);
  }

  /** A provider of the given kind at any base URL, offering one model. */
  String provider(String baseUrl, String kind, String model) {
    return provider(baseUrl, kind, model, null);
  }

  private String provider(String baseUrl, String kind, String model, Integer rpm) {
    String name = Fixtures.unique("fake");
    Map<String, Object> body =
        new HashMap<>(
            Map.of(
                "name",
                name,
                "kind",
                kind,
                "base_url",
                baseUrl,
                "api_key",
                "sk-upstream-" + name,
                "models",
                List.of(Map.of("id", model, "input_per_mtok", 1.0, "output_per_mtok", 2.0))));
    if (rpm != null) body.put("rpm", rpm);
    Api.Reply created = Api.admin().post("/api/v1/providers", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    providers.add(name);
    return name;
  }

  String alias(String... targets) {
    String name = Fixtures.unique("chain");
    Api.Reply put =
        Api.admin()
            .send("PUT", "/api/v1/model-aliases/" + name, Map.of("targets", List.of(targets)));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    aliases.add(name);
    return name;
  }

  static Api.Reply chat(String model, boolean stream) {
    return Api.admin()
        .post(
            "/v1/chat/completions",
            Map.of(
                "model",
                model,
                "stream",
                stream,
                "stream_options",
                Map.of("include_usage", true),
                "messages",
                List.of(Map.of("role", "user", "content", "Say hello"))));
  }

  /** The data events of a streamed answer, "[DONE]" included as text. */
  static List<JsonNode> events(String body) {
    List<JsonNode> events = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (!line.startsWith("data: ")) continue;
      String data = line.substring(6);
      events.add(data.equals("[DONE]") ? Api.JSON.getNodeFactory().textNode("[DONE]") : read(data));
    }
    return events;
  }

  static String text(List<JsonNode> events) {
    StringBuilder text = new StringBuilder();
    events.forEach(
        e -> text.append(e.path("choices").path(0).path("delta").path("content").asText("")));
    return text.toString();
  }

  private static JsonNode read(String data) {
    try {
      return Api.JSON.readTree(data);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + data, e);
    }
  }

  @Override
  public void close() {
    aliases.forEach(a -> Api.admin().delete("/api/v1/model-aliases/" + a));
    providers.forEach(p -> Api.admin().delete("/api/v1/providers/" + p));
  }
}
