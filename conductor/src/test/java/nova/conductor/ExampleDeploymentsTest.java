package nova.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example model config, deployed with its documented allocation on real mock agent processes:
 * all agents get ready in their roles, and the OpenAI endpoint answers whole and streamed with the
 * same deterministic text.
 */
class ExampleDeploymentsTest {
  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("single_model_config.toml", "c1r1", List.of("model")),
        Arguments.of("spec_decode_model_config.toml", "c1r1:c2r2,c2r3", List.of("draft", "target")),
        Arguments.of("vision_model_config.toml", "c1r1:c2r2", List.of("encoder", "language")),
        Arguments.of("single_model_static_lora_config.toml", "c1r1", List.of("model")),
        Arguments.of("single_model_dyn_lora_config.toml", "c1r1,c1r2", List.of("model")));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("examples")
  void servesWholeAndStreamedAnswersAlike(String modelFile, String allocation, List<String> roles)
      throws Exception {
    try (RunningConductor c = RunningConductor.start(modelFile, allocation, "test", 2000)) {
      JsonNode status = RunningConductor.json(c.get("/status"));
      assertThat(status.path("allocation").asText()).isEqualTo(allocation);
      List<String> seenRoles = new ArrayList<>();
      for (JsonNode agent : status.path("agents")) {
        assertThat(agent.path("state").asText()).as(agent.toString()).isEqualTo("ready");
        if (!seenRoles.contains(agent.path("role").asText()))
          seenRoles.add(agent.path("role").asText());
      }
      assertThat(seenRoles).isEqualTo(roles);
      assertThat(status.path("agents").size())
          .isEqualTo(c.conductor().deployment().allocation().engines().size());

      HttpResponse<String> whole =
          c.post(
              "/openai/v1/chat/completions",
              RunningConductor.chat("test", "Say something about LPUs.", false));
      assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
      JsonNode answer = RunningConductor.json(whole);
      String text = answer.path("choices").get(0).path("message").path("content").asText();
      assertThat(text).isNotBlank();
      assertThat(answer.path("usage").path("completion_tokens").asInt()).isPositive();

      HttpResponse<String> streamed =
          c.post(
              "/openai/v1/chat/completions",
              RunningConductor.chat("test", "Say something about LPUs.", true));
      assertThat(streamed.statusCode()).isEqualTo(200);
      assertThat(streamed.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      assertThat(Sse.text(streamed.body())).isEqualTo(text);
      assertThat(streamed.body().strip()).endsWith("data: [DONE]");
    }
  }
}
