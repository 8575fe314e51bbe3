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
 * The fallback chain, the circuit breaker and provider rate limits, through Nova's /v1 against
 * local servers speaking OpenAI's protocol.
 */
class GatewayIT {
  private FakeProvider a;
  private FakeProvider b;
  private Gateways gateways;

  @BeforeEach
  void start() throws Exception {
    a = new FakeProvider(ProviderKind.OPENAI);
    b = new FakeProvider(ProviderKind.OPENAI).otherwise(Plan.answer("Hello", " from", " B"));
    gateways = new Gateways();
  }

  @AfterEach
  void stop() {
    gateways.close();
    a.close();
    b.close();
  }

  @Test
  void transientFailuresMoveToTheNextModelAndAreRecorded() {
    String first = gateways.provider(a, null);
    String second = gateways.provider(b, null);
    String chain = gateways.alias(first + "/m-1", second + "/m-1");
    // the stream breaks before its first token (after OpenAI's role-only chunk), so b can still
    // take it
    a.then(Plan.error(500, "boom", null)).then(Plan.answer("x").cutOffAfter(0));
    for (boolean stream : new boolean[] {false, true}) {
      Api.Reply reply = Gateways.chat(chain, stream);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.header("X-Nova-Route")).contains(second + "/m-1");
      String text =
          stream
              ? Gateways.text(Gateways.events(reply.body()))
              : reply.json().path("choices").path(0).path("message").path("content").asText();
      assertThat(text).isEqualTo("Hello from B");
    }
    assertThat(a.received()).hasSize(2);
    assertThat(a.received().getFirst().header("Authorization"))
        .isEqualTo("Bearer sk-upstream-" + first);
    assertThat(UsageRows.outcomes(first)).containsExactly("server_error", "cut_off");
    assertThat(UsageRows.outcomes(second)).containsExactly("ok", "ok");
    JsonNode usage = Api.admin().get("/api/v1/usage?days=1").json();
    JsonNode byModel =
        usage.path("by_model").findParents("provider").stream()
            .filter(m -> m.path("provider").asText().equals(second))
            .findFirst()
            .orElseThrow();
    assertThat(byModel.path("calls").asInt()).isEqualTo(2);
    assertThat(byModel.path("input_tokens").asLong()).isEqualTo(2L * WireFormats.PROMPT_TOKENS);
    assertThat(Api.admin().get("/usage?days=7").body()).contains("<svg").contains(second + "/m-1");
    assertThat(Api.admin().get("/api/v1/usage?days=0").status()).isEqualTo(400);
  }

  @Test
  void aRefusalOfTheRequestEndsTheCallWithTheProvidersStatusAndWords() {
    String first =
        gateways.provider(a.then(Plan.error(400, "temperature must be at most 2", null)), null);
    String second = gateways.provider(b, null);
    Api.Reply reply = Gateways.chat(gateways.alias(first + "/m-1", second + "/m-1"), false);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("error").path("message").asText())
        .contains("temperature must be at most 2");
    assertThat(b.received()).isEmpty();
  }

  @Test
  void aStreamThatBreaksAfterItsFirstTokenEndsWithAnErrorEventAndNoDone() {
    String first =
        gateways.provider(a.then(Plan.answer("one", " two", " three").cutOffAfter(2)), null);
    String second = gateways.provider(b, null);
    Api.Reply reply = Gateways.chat(gateways.alias(first + "/m-1", second + "/m-1"), true);
    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> events = Gateways.events(reply.body());
    assertThat(Gateways.text(events)).isEqualTo("one two");
    assertThat(events.getLast().path("error").path("message").asText())
        .contains("failed after the answer had begun");
    assertThat(events).noneMatch(e -> e.asText().equals("[DONE]"));
    assertThat(b.received()).isEmpty();
  }

  @Test
  void aProviderThatKeepsFailingIsSkippedUntilItsCircuitHalfOpens() throws Exception {
    a.otherwise(Plan.error(503, "overloaded", null));
    String first = gateways.provider(a, null);
    String chain = gateways.alias(first + "/m-1", gateways.provider(b, null) + "/m-1");
    for (int i = 0; i < 4; i++) assertThat(Gateways.chat(chain, false).status()).isEqualTo(200);
    // window 4: two failures of two calls open the circuit; the last two calls never reached a
    assertThat(a.received()).hasSize(2);
    JsonNode shown = Api.admin().get("/api/v1/providers/" + first).json();
    assertThat(shown.path("circuit").asText()).isEqualTo("open");
    assertThat(shown.path("available_after").isNull()).isFalse();
    assertThat(Api.admin().get("/providers").body()).contains(first).contains("open");

    a.otherwise(Plan.answer("back"));
    Thread.sleep(2_100);
    Api.Reply reply = Gateways.chat(chain, false);
    assertThat(reply.header("X-Nova-Route")).contains(first + "/m-1");
    assertThat(Api.admin().get("/api/v1/providers/" + first).json().path("circuit").asText())
        .isEqualTo("closed");
  }

  @Test
  void whenEveryModelFailsTheStatusSaysWhyAndEachAttemptIsListed() {
    String first = gateways.provider(a.otherwise(Plan.error(503, "overloaded", null)), null);
    String second = gateways.provider(b.otherwise(Plan.error(502, "bad upstream", null)), null);
    Api.Reply reply = Gateways.chat(gateways.alias(first + "/m-1", second + "/m-1"), true);
    assertThat(reply.status()).isEqualTo(502);
    JsonNode attempts = reply.json().path("error").path("detail").path("attempts");
    assertThat(attempts.findValuesAsText("model")).containsExactly(first + "/m-1", second + "/m-1");
    assertThat(reply.json().path("error").path("message").asText())
        .contains("overloaded")
        .contains("bad upstream");
  }

  @Test
  void novasOwnLimitForAProviderAnswers429WithRetryAfter() {
    String limited = gateways.provider(b, 2);
    assertThat(Gateways.chat(limited + "/m-1", false).status()).isEqualTo(200);
    assertThat(Gateways.chat(limited + "/m-1", false).status()).isEqualTo(200);
    Api.Reply refused = Gateways.chat(limited + "/m-1", false);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After").map(Long::parseLong))
        .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 30L));
    assertThat(refused.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(b.received()).hasSize(2);
  }
}
