package nova.activities.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each provider client against a local server speaking that provider's wire protocol: answers,
 * streams and every way a call fails.
 */
class ProviderClientsTest {
  private static ChatProvider client(
      ProviderKind kind, String baseUrl, Duration firstByte, Duration idle) {
    ProviderConfig config =
        ProviderConfig.of("fake-" + kind.name().toLowerCase(), kind, baseUrl, "secret-key")
            .withTimeouts(Duration.ofSeconds(2), firstByte, idle);
    return ChatProvider.of(config);
  }

  private static ChatProvider client(FakeProvider fake, ProviderKind kind) {
    return client(kind, fake.baseUrl(), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  private static ObjectNode request() {
    ObjectNode request =
        FakeProvider.JSON
            .createObjectNode()
            .put("model", "m-1")
            .put("max_tokens", 64)
            .put("temperature", 0.2);
    request
        .putArray("messages")
        .add(FakeProvider.JSON.createObjectNode().put("role", "system").put("content", "Be brief."))
        .add(FakeProvider.JSON.createObjectNode().put("role", "user").put("content", "Hello?"));
    return request;
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void aWholeAnswerComesBackInOpenAiTerms(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind).then(FakeProvider.Plan.answer("Hi", " there", "!"))) {
      ChatResult result = client(fake, kind).complete(request());

      assertThat(result.text()).isEqualTo("Hi there!");
      assertThat(result.message().path("role").asText()).isEqualTo("assistant");
      assertThat(result.finishReason()).isEqualTo("stop");
      assertThat(result.usage()).isEqualTo(new Usage(WireFormats.PROMPT_TOKENS, 3));
      FakeProvider.Received sent = fake.received().getFirst();
      switch (kind) {
        case OPENAI -> {
          assertThat(sent.path()).isEqualTo("/v1/chat/completions");
          assertThat(sent.header("Authorization")).isEqualTo("Bearer secret-key");
          assertThat(sent.body().path("temperature").asDouble()).isEqualTo(0.2);
          assertThat(sent.body().path("messages")).hasSize(2);
        }
        case ANTHROPIC -> {
          assertThat(sent.path()).isEqualTo("/v1/messages");
          assertThat(sent.header("x-api-key")).isEqualTo("secret-key");
          assertThat(sent.header("anthropic-version")).isEqualTo(AnthropicProvider.VERSION);
          assertThat(sent.body().path("system").asText()).isEqualTo("Be brief.");
          assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(64);
          assertThat(sent.body().path("messages")).hasSize(1);
        }
        case OLLAMA -> {
          assertThat(sent.path()).isEqualTo("/api/chat");
          assertThat(sent.body().path("stream").asBoolean()).isFalse();
          assertThat(sent.body().path("options").path("num_predict").asInt()).isEqualTo(64);
          assertThat(sent.body().path("messages").path(0).path("role").asText())
              .isEqualTo("system");
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void aStreamArrivesPieceByPieceWithItsUsage(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind).then(FakeProvider.Plan.answer("One", " two", " three"))) {
      List<String> pieces = new ArrayList<>();

      ChatResult result =
          client(fake, kind).stream(
              request(),
              delta -> {
                if (!delta.path("content").asText("").isEmpty())
                  pieces.add(delta.path("content").asText());
              });

      assertThat(pieces).containsExactly("One", " two", " three");
      assertThat(result.text()).isEqualTo("One two three");
      assertThat(result.usage()).isEqualTo(new Usage(WireFormats.PROMPT_TOKENS, 3));
      if (kind == ProviderKind.OPENAI)
        assertThat(
                fake.received()
                    .getFirst()
                    .body()
                    .path("stream_options")
                    .path("include_usage")
                    .asBoolean())
            .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void aRateLimitSaysWhenToComeBack(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind)
            .then(FakeProvider.Plan.error(429, "Rate limit reached for m-1", "2"))) {
      ProviderFailure failure =
          catchThrowableOfType(ProviderFailure.class, () -> client(fake, kind).complete(request()));

      assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
      assertThat(failure.status()).isEqualTo(429);
      assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
      assertThat(failure.getMessage()).contains("429").contains("Rate limit reached for m-1");
      assertThat(failure.kind().transientFailure()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void serverErrorsMayBeRetriedAndBadRequestsMayNot(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind)
            .then(FakeProvider.Plan.error(500, "upstream exploded", null))
            .then(FakeProvider.Plan.error(400, "messages: too long", null))) {
      ChatProvider client = client(fake, kind);

      ProviderFailure server =
          catchThrowableOfType(ProviderFailure.class, () -> client.stream(request(), delta -> {}));
      ProviderFailure refused =
          catchThrowableOfType(ProviderFailure.class, () -> client.complete(request()));

      assertThat(server.kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
      assertThat(server.getMessage()).contains("upstream exploded");
      assertThat(refused.kind()).isEqualTo(ProviderFailure.Kind.REFUSED);
      assertThat(refused.kind().transientFailure()).isFalse();
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.getMessage()).contains("messages: too long");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void anAnswerThatIsNotJsonIsAServerError(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind).then(FakeProvider.Plan.garbage("<html>502 Bad Gateway</html>"))) {
      ProviderFailure failure =
          catchThrowableOfType(ProviderFailure.class, () -> client(fake, kind).complete(request()));

      assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
      assertThat(failure.getMessage()).contains("not JSON");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void aStreamThatBreaksOffIsNotTakenForAnAnswer(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind).then(FakeProvider.Plan.answer("a", "b", "c", "d").cutOffAfter(2))) {
      List<String> pieces = new ArrayList<>();

      ProviderFailure failure =
          catchThrowableOfType(
              ProviderFailure.class,
              () ->
                  client(fake, kind).stream(
                      request(), delta -> pieces.add(delta.path("content").asText(""))));

      assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CUT_OFF);
      assertThat(String.join("", pieces)).isEqualTo("ab");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void aStalledStreamTimesOutInsteadOfHanging(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind)
            .then(FakeProvider.Plan.answer("a", "b", "c").stallAfter(1, Duration.ofSeconds(3)))) {
      ChatProvider client =
          client(kind, fake.baseUrl(), Duration.ofSeconds(10), Duration.ofMillis(300));

      ProviderFailure failure =
          catchThrowableOfType(ProviderFailure.class, () -> client.stream(request(), delta -> {}));

      assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
      assertThat(failure.getMessage()).contains("stalled for 300 ms");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ProviderKind.class,
      names = {"OPENAI", "ANTHROPIC", "OLLAMA"}) // LOCAL speaks OPENAI
  void aSlowFirstByteAndAClosedPortFailAsTheyShould(ProviderKind kind) throws IOException {
    try (FakeProvider fake =
        new FakeProvider(kind)
            .then(FakeProvider.Plan.answer("late").slowStart(Duration.ofSeconds(2)))) {
      ChatProvider slow =
          client(kind, fake.baseUrl(), Duration.ofMillis(300), Duration.ofSeconds(10));
      assertThat(catchThrowableOfType(ProviderFailure.class, () -> slow.complete(request())).kind())
          .isEqualTo(ProviderFailure.Kind.TIMEOUT);
    }
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ChatProvider nowhere =
        client(kind, "http://127.0.0.1:" + closed, Duration.ofSeconds(1), Duration.ofSeconds(1));
    ProviderFailure failure =
        catchThrowableOfType(ProviderFailure.class, () -> nowhere.complete(request()));
    assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CONNECTION);
    assertThat(failure.kind().transientFailure()).isTrue();
  }
}
