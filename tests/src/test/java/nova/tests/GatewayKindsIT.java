package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nova.activities.llm.FakeProvider;
import nova.activities.llm.FakeProvider.Plan;
import nova.activities.llm.ProviderKind;
import nova.activities.llm.WireFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anthropic's Messages API and Ollama's native API behind Nova's OpenAI-compatible /v1: local
 * servers speak each provider's own wire protocol, and callers see OpenAI's shapes either way.
 */
class GatewayKindsIT {
  private FakeProvider anthropic;
  private FakeProvider ollama;
  private Gateways gateways;

  @BeforeEach
  void start() throws Exception {
    anthropic = new FakeProvider(ProviderKind.ANTHROPIC);
    ollama = new FakeProvider(ProviderKind.OLLAMA);
    gateways = new Gateways();
  }

  @AfterEach
  void stop() {
    gateways.close();
    anthropic.close();
    ollama.close();
  }

  @Test
  void anthropicAnswersInOpenAisShapeStreamedAndNot() {
    String provider =
        gateways.provider(
            anthropic.otherwise(Plan.answer("Bonjour", " de", " Claude")), "anthropic", null);
    assertAnswers(provider + "/m-1", "Bonjour de Claude");
    FakeProvider.Received sent = anthropic.received().getFirst();
    assertThat(sent.path()).isEqualTo("/v1/messages");
    assertThat(sent.header("x-api-key")).isEqualTo("sk-upstream-" + provider);
    assertThat(sent.body().path("max_tokens").asInt())
        .as("Anthropic requires max_tokens; Nova fills it in")
        .isPositive();
    assertThat(UsageRows.outcomes(provider)).containsExactly("ok", "ok");
  }

  @Test
  void ollamaAnswersInOpenAisShapeStreamedAndNot() {
    String provider =
        gateways.provider(
            ollama.otherwise(Plan.answer("Hallo", " von", " Ollama")), "ollama", null);
    assertAnswers(provider + "/m-1", "Hallo von Ollama");
    assertThat(ollama.received().getFirst().path()).isEqualTo("/api/chat");
    assertThat(UsageRows.outcomes(provider)).containsExactly("ok", "ok");
  }

  @Test
  void anOverloadedAnthropicFallsBackToOllamaAndARefusalKeepsAnthropicsWords() throws Exception {
    String claude =
        gateways.provider(
            anthropic
                .then(Plan.error(529, "Overloaded", null))
                .then(Plan.error(429, "rate limited", "1")),
            "anthropic",
            null);
    String local =
        gateways.provider(ollama.otherwise(Plan.answer("from", " Ollama")), "ollama", null);
    String chain = gateways.alias(claude + "/m-1", local + "/m-1");
    for (boolean stream : new boolean[] {false, true}) {
      Api.Reply reply = Gateways.chat(chain, stream);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.header("X-Nova-Route")).contains(local + "/m-1");
    }
    assertThat(UsageRows.outcomes(claude)).containsExactly("server_error", "rate_limited");

    try (FakeProvider strict = new FakeProvider(ProviderKind.ANTHROPIC)) {
      String refusing =
          gateways.provider(
              strict.then(Plan.error(400, "messages: roles must alternate", null)),
              "anthropic",
              null);
      Api.Reply refused = Gateways.chat(refusing + "/m-1", false);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().path("error").path("message").asText())
          .contains("messages: roles must alternate");
    }
  }

  private static void assertAnswers(String model, String text) {
    Api.Reply plain = Gateways.chat(model, false);
    assertThat(plain.status()).as(plain.body()).isEqualTo(200);
    JsonNode answer = plain.json();
    assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
    assertThat(answer.path("choices").path(0).path("message").path("content").asText())
        .isEqualTo(text);
    assertThat(answer.path("usage").path("prompt_tokens").asLong())
        .isEqualTo(WireFormats.PROMPT_TOKENS);
    Api.Reply streamed = Gateways.chat(model, true);
    assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
    List<JsonNode> events = Gateways.events(streamed.body());
    assertThat(Gateways.text(events)).isEqualTo(text);
    assertThat(events.getLast().asText()).isEqualTo("[DONE]");
    assertThat(events).anyMatch(e -> e.path("usage").path("completion_tokens").asLong() > 0);
  }
}
