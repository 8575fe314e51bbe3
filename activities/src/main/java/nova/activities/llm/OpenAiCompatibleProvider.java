package nova.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Any server of OpenAI's chat completions API. The request goes through as it came, so fields Nova
 * does not know (tools, response_format, a provider's own extensions) still reach the model.
 */
public final class OpenAiCompatibleProvider implements ChatProvider {
  private final ProviderConfig config;
  private final ProviderHttp http;

  public OpenAiCompatibleProvider(ProviderConfig config) {
    this.config = config;
    this.http = new ProviderHttp(config, OpenAiCompatibleProvider::errorMessage);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public ChatResult complete(ObjectNode request) {
    ObjectNode body = request.deepCopy().put("stream", false);
    body.remove("stream_options");
    JsonNode answer = http.postForJson("chat/completions", body, headers());
    JsonNode choice = answer.path("choices").path(0);
    if (!choice.path("message").isObject()) throw malformed("an answer without choices[0].message");
    return new ChatResult(
        (ObjectNode) choice.get("message"),
        choice.path("finish_reason").asText("stop"),
        usage(answer.path("usage")));
  }

  @Override
  public ChatResult stream(ObjectNode request, ChatStream sink) {
    ObjectNode body = request.deepCopy().put("stream", true);
    // Without this, a streamed answer carries no token counts, and usage could not be recorded.
    body.putObject("stream_options").put("include_usage", true);
    StringBuilder text = new StringBuilder();
    String finish = null;
    Usage usage = Usage.NONE;
    try (SseEvents events = new SseEvents(http.postForLines("chat/completions", body, headers()))) {
      for (SseEvents.Event event = events.next(); event != null; event = events.next()) {
        if (event.data().equals("[DONE]"))
          return new ChatResult(
              OpenAiShapes.assistant(text.toString()), finish == null ? "stop" : finish, usage);
        JsonNode chunk = ProviderHttp.JSON.readTree(event.data());
        if (chunk.has("error"))
          throw new ProviderFailure(
              ProviderFailure.Kind.SERVER_ERROR,
              0,
              config.name() + " failed mid-stream: " + errorMessage(chunk),
              null,
              null);
        if (chunk.path("usage").isObject()) usage = usage(chunk.get("usage"));
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.path("delta").isObject() && !choice.get("delta").isEmpty()) {
          text.append(choice.get("delta").path("content").asText(""));
          sink.delta((ObjectNode) choice.get("delta"));
        }
        if (choice.hasNonNull("finish_reason")) finish = choice.get("finish_reason").asText();
      }
    } catch (JsonProcessingException e) {
      throw malformed("a chunk that is not JSON (" + e.getOriginalMessage() + ")");
    }
    throw new ProviderFailure(
        ProviderFailure.Kind.CUT_OFF,
        0,
        config.name() + ": the stream ended before [DONE]",
        null,
        null);
  }

  @Override
  public Embeddings embed(String model, List<String> input) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode().put("model", model);
    input.forEach(body.putArray("input")::add);
    JsonNode answer = http.postForJson("embeddings", body, headers());
    List<float[]> vectors = new ArrayList<>();
    for (JsonNode item : answer.path("data"))
      vectors.add(Embeddings.floats(item.path("embedding")));
    if (vectors.size() != input.size())
      throw malformed(vectors.size() + " embeddings for " + input.size() + " inputs");
    return new Embeddings(vectors, answer.path("usage").path("prompt_tokens").asLong());
  }

  private String[] headers() {
    return config.apiKey() == null || config.apiKey().isBlank()
        ? new String[0]
        : new String[] {"Authorization", "Bearer " + config.apiKey()};
  }

  private ProviderFailure malformed(String what) {
    return new ProviderFailure(
        ProviderFailure.Kind.SERVER_ERROR, 0, config.name() + " sent " + what, null, null);
  }

  static Usage usage(JsonNode usage) {
    return new Usage(
        usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong());
  }

  static String errorMessage(JsonNode body) {
    JsonNode error = body.path("error");
    if (error.isTextual()) return error.asText();
    if (error.hasNonNull("message")) return error.get("message").asText();
    return body.hasNonNull("message")
        ? body.get("message").asText()
        : body.path("detail").asText(null);
  }
}
