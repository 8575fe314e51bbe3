package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's official Node SDK (npm openai, pinned in tests/openai-node) as a real client of Nova's
 * /v1, with a Nova API key.
 */
class OpenAiNodeSdkIT {
  private static final Path SCRIPT_DIR = Path.of("openai-node").toAbsolutePath();

  @Test
  void theOfficialSdkWorksAgainstNovaUnchanged() throws Exception {
    String key =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", Fixtures.unique("node-sdk"), "role", "admin"))
            .text("key");
    ProcessBuilder node =
        new ProcessBuilder("node", "check.mjs")
            .directory(SCRIPT_DIR.toFile())
            .redirectErrorStream(true);
    node.environment()
        .putAll(
            Map.of(
                "NOVA_BASE_URL",
                NovaServer.baseUrl(),
                "NOVA_API_KEY",
                key,
                "NOVA_MODEL",
                "local/builtin-chat",
                "NOVA_EMBED_MODEL",
                "local/builtin-embed"));
    Process process = node.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    List<String> lines = output.lines().toList();
    JsonNode out = Api.JSON.readTree(lines.getLast());

    assertThat(Api.JSON.convertValue(out.path("models"), List.class))
        .contains("local/builtin-chat", "local/builtin-embed");
    String text = out.path("whole").path("text").asText();
    assertThat(text)
        .startsWith("This is Nova's built-in local model")
        .contains("Say hello from the Node SDK");
    assertThat(out.path("whole").path("model").asText()).isEqualTo("local/builtin-chat");
    assertThat(out.path("whole").path("usage").path("completion_tokens").asInt()).isPositive();
    assertThat(out.path("streamed").path("text").asText()).isEqualTo(text);
    assertThat(out.path("streamed").path("chunks").asInt()).isGreaterThan(5);
    assertThat(out.path("streamed").path("usage")).isEqualTo(out.path("whole").path("usage"));

    // the SDK asked for base64 and decoded it; the same text as floats must give the same first
    // value
    assertThat(out.path("embedding").path("length").asInt()).isEqualTo(256);
    double first =
        Api.admin()
            .post("/v1/embeddings", Map.of("model", "local/builtin-embed", "input", "hello"))
            .json()
            .path("data")
            .path(0)
            .path("embedding")
            .path(0)
            .asDouble();
    assertThat(out.path("embedding").path("first").asDouble()).isEqualTo((float) first);

    assertThat(out.path("unknown").path("status").asInt()).isEqualTo(404);
    assertThat(out.path("unknown").path("code").asText()).isEqualTo("model_not_found");
    assertThat(out.path("unknown").path("param").asText()).isEqualTo("model");
    assertThat(out.path("unknown").path("message").asText()).contains("local/builtin-chat");
  }
}
