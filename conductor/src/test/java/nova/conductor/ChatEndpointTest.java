package nova.conductor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import nova.conductor.fleet.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OpenAI endpoint's kinds (vision, static and dynamic LoRA) and its answers to bad input. */
class ChatEndpointTest {
  private static final int IMAGE_TOKENS =
      576; // what the mock encoder counts per image (src/main/cpp/mock_model.h)

  @Test
  void visionImagesGoThroughTheEncoderFirst() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("vision_model_config.toml", "c1r1:c2r2", "eyes", 2000)) {
      HttpResponse<String> r =
          c.post("/openai/v1/chat/completions", imageChat("eyes", "https://example.com/cat.png"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(RunningConductor.json(r).path("usage").path("prompt_tokens").asInt())
          .isGreaterThanOrEqualTo(IMAGE_TOKENS);
      assertThat(c.conductor().fleet().group(0).stream().mapToLong(Agent::completed).sum())
          .as("encodes done")
          .isEqualTo(1);
      HttpResponse<String> bad =
          c.post("/openai/v1/chat/completions", imageChat("eyes", "file:///etc/passwd"));
      assertError(bad, 400, "image_url.url must be an http(s) URL or a data:image/ URI");
    }
  }

  @Test
  void staticAdaptersAreModelsOfTheirOwn() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_static_lora_config.toml", "c1r1", "base", 2000)) {
      assertThat(
              RunningConductor.json(c.get("/openai/v1/models")).path("data").findValuesAsText("id"))
          .containsExactly("base", "support-bot", "sql-writer");
      for (Agent a : c.conductor().fleet().agents())
        assertThat(a.adapters()).containsExactlyInAnyOrder("support-bot", "sql-writer");
      assertThat(
              content(
                  c.post(
                      "/openai/v1/chat/completions",
                      RunningConductor.chat("sql-writer", "count rows", false))))
          .startsWith("[sql-writer]");
      assertThat(
              content(
                  c.post(
                      "/openai/v1/chat/completions",
                      RunningConductor.chat("base", "count rows", false))))
          .doesNotStartWith("[");
      assertError(
          c.post("/openai/v1/chat/completions", RunningConductor.chat("nope", "hi", false)),
          404,
          "[base, support-bot, sql-writer]");
    }
  }

  @Test
  void dynamicAdaptersLoadOnDemandAndEvictTheOldest() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_dyn_lora_config.toml", "c1r1,c1r2", "base", 2000)) {
      for (Agent a : c.conductor().fleet().agents()) assertThat(a.adapters()).isEmpty();
      for (String adapter :
          new String[] {"support-bot", "sql-writer", "french-tutor", "support-bot"}) {
        assertThat(
                content(
                    c.post(
                        "/openai/v1/chat/completions",
                        RunningConductor.chat(adapter, "bonjour", false))))
            .startsWith("[" + adapter + "]");
      }
      for (Agent a : c.conductor().fleet().agents())
        assertThat(a.adapters().size()).isLessThanOrEqualTo(2);
      assertThat(c.conductor().fleet().agents().stream().flatMap(a -> a.adapters().stream()))
          .contains("support-bot");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|{\"model\": |400|the body is not valid JSON",
        "no model|{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}|400|'model' is"
            + " required",
        "no messages|{\"model\": \"test\", \"messages\": []}|400|'messages' must be a non-empty"
            + " array",
        "bad role|{\"model\": \"test\", \"messages\": [{\"role\": \"robot\", \"content\":"
            + " \"hi\"}]}|400|messages[0].role must be",
        "zero tokens|{\"model\": \"test\", \"max_tokens\": 0, \"messages\": [{\"role\": \"user\","
            + " \"content\": \"hi\"}]}|400|'max_tokens' must be a whole number from 1 to 8192",
        "hot|{\"model\": \"test\", \"temperature\": 9, \"messages\": [{\"role\": \"user\","
            + " \"content\": \"hi\"}]}|400|'temperature' must be a number from 0 to 2",
        "image to text model|{\"model\": \"test\", \"messages\": [{\"role\": \"user\", \"content\":"
            + " [{\"type\": \"image_url\", \"image_url\": {\"url\":"
            + " \"https://x.y/z.png\"}}]}]}|400|takes no images",
        "adapter without lora|{\"model\": \"support-bot\", \"messages\": [{\"role\": \"user\","
            + " \"content\": \"hi\"}]}|404|this conductor serves [test]"
      })
  void badInputGetsAClearError(String name, String body, int status, String message)
      throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1e0", "test", 2000)) {
      assertError(c.post("/openai/v1/chat/completions", body), status, message);
      assertThat(c.get("/openai/v1/chat/completions").statusCode()).isEqualTo(405);
      assertThat(c.conductor().fleet().agents().getFirst().completed())
          .as("nothing reached an agent")
          .isZero();
    }
  }

  @Test
  void maxTokensCutsTheAnswerWithFinishReasonLength() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1e0", "test", 2000)) {
      ObjectNode body =
          (ObjectNode)
              RunningConductor.JSON.readTree(RunningConductor.chat("test", "hello", false));
      JsonNode answer =
          RunningConductor.json(
              c.post("/openai/v1/chat/completions", body.put("max_tokens", 3).toString()));
      assertThat(answer.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
      assertThat(answer.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
    }
  }

  private static String imageChat(String model, String url) {
    ObjectNode body = RunningConductor.JSON.createObjectNode().put("model", model);
    var content = body.putArray("messages").addObject().put("role", "user").putArray("content");
    content.addObject().put("type", "text").put("text", "What is in this image?");
    content.addObject().put("type", "image_url").putObject("image_url").put("url", url);
    return body.toString();
  }

  private static String content(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return RunningConductor.json(r).path("choices").get(0).path("message").path("content").asText();
  }

  private static void assertError(HttpResponse<String> r, int status, String message)
      throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(RunningConductor.json(r).path("error").path("message").asText()).contains(message);
  }
}
