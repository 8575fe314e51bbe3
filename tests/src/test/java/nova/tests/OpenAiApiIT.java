package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nova's OpenAI-compatible /v1 with no provider configured: the built-in local model, the shapes of
 * answers and errors.
 */
class OpenAiApiIT {
  private static final String LOCAL = "local/builtin-chat";

  @Test
  void theLocalModelAnswersTheSameWholeAndStreamed() {
    Api.Reply whole = Gateways.chat(LOCAL, false);
    assertThat(whole.status()).as(whole.body()).isEqualTo(200);
    JsonNode answer = whole.json();
    assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
    assertThat(answer.path("model").asText()).isEqualTo(LOCAL);
    String text = answer.path("choices").path(0).path("message").path("content").asText();
    assertThat(text)
        .startsWith("This is Nova's built-in local model, not a real one.")
        .contains("Say hello");
    assertThat(answer.path("usage").path("completion_tokens").asInt())
        .isEqualTo(text.split(" ").length);

    Api.Reply streamed = Gateways.chat(LOCAL, true);
    assertThat(streamed.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    List<JsonNode> events = Gateways.events(streamed.body());
    assertThat(Gateways.text(events)).isEqualTo(text);
    assertThat(events.getFirst().path("choices").path(0).path("delta").path("role").asText())
        .isEqualTo("assistant");
    assertThat(events.getLast().asText()).isEqualTo("[DONE]");
    JsonNode usage = events.get(events.size() - 2);
    assertThat(usage.path("choices")).isEmpty();
    assertThat(usage.path("usage")).isEqualTo(answer.path("usage"));
  }

  @Test
  void modelsListsWhatCanBeCalled() {
    JsonNode models = Api.admin().get("/v1/models").json();
    assertThat(models.path("object").asText()).isEqualTo("list");
    assertThat(models.path("data").findValuesAsText("id")).contains(LOCAL, "local/builtin-embed");
    assertThat(Api.admin().get("/v1/models/" + LOCAL).json().path("owned_by").asText())
        .isEqualTo("local");
    assertThat(Api.admin().get("/v1/models/nope/none").status()).isEqualTo(404);
  }

  @Test
  void embeddingsComeAsFloatsOrLittleEndianBase64() {
    Map<String, Object> body =
        Map.of(
            "model", "local/builtin-embed", "input", List.of("the quick brown fox", "a lazy dog"));
    JsonNode floats = Api.admin().post("/v1/embeddings", body).json();
    assertThat(floats.path("data")).hasSize(2);
    JsonNode first = floats.path("data").path(0).path("embedding");
    assertThat(first).hasSize(256);
    Map<String, Object> asBase64 = new HashMap<>(body);
    asBase64.put("encoding_format", "base64");
    String encoded =
        Api.admin()
            .post("/v1/embeddings", asBase64)
            .json()
            .path("data")
            .path(0)
            .path("embedding")
            .asText();
    ByteBuffer bytes =
        ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 256; i++)
      assertThat(bytes.getFloat()).isEqualTo((float) first.get(i).asDouble());
  }

  @Test
  void badRequestsNameTheFieldInOpenAisErrorShape() {
    expect(
        Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))),
        400,
        "model",
        "model is required");
    expect(Map.of("model", LOCAL), 400, "messages", "messages must be a non-empty list");
    expect(
        Map.of("model", LOCAL, "messages", List.of(Map.of("role", "wizard", "content", "hi"))),
        400,
        "messages[0].role",
        "one of system");
    expect(
        Map.of(
            "model",
            LOCAL,
            "max_tokens",
            -3,
            "messages",
            List.of(Map.of("role", "user", "content", "hi"))),
        400,
        "max_tokens",
        "positive");
    expect(
        Map.of("model", "gpt-7", "messages", List.of(Map.of("role", "user", "content", "hi"))),
        404,
        "model",
        LOCAL);
    expect(Map.of("model", LOCAL, "input", ""), 400, "input[0]", "empty", "/v1/embeddings");
    Api.Reply malformed = Api.admin().post("/v1/chat/completions", "{\"model\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("error").path("message").asText()).contains("malformed JSON");
  }

  @Test
  void onlyAdminsAndAgentServersMayCallModels() {
    Api.Reply anonymous = Api.anonymous().post("/v1/chat/completions", Map.of("model", LOCAL));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("error").path("type").asText())
        .isEqualTo("authentication_error");
    assertThat(Api.key("sk-nova-not-a-key").get("/v1/models").status()).isEqualTo(401);
    String viewer =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", "viewer-llm", "role", "viewer"))
            .text("key");
    assertThat(Api.key(viewer).get("/v1/models").status()).isEqualTo(403);
    Fixtures.Agent agent = Fixtures.agent(false);
    assertThat(
            agent
                .api()
                .post(
                    "/v1/chat/completions",
                    Map.of(
                        "model",
                        LOCAL,
                        "messages",
                        List.of(Map.of("role", "user", "content", "hi"))))
                .status())
        .isEqualTo(200);
  }

  private static void expect(Map<String, Object> body, int status, String param, String says) {
    expect(body, status, param, says, "/v1/chat/completions");
  }

  private static void expect(
      Map<String, Object> body, int status, String param, String says, String path) {
    Api.Reply reply = Api.admin().post(path, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("error").path("param").asText()).isEqualTo(param);
    assertThat(reply.json().path("error").path("message").asText()).contains(says);
  }
}
