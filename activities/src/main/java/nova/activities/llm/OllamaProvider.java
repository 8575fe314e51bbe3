package nova.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's native /api/chat (newline-delimited JSON when streamed), from and to OpenAI's shapes.
 */
public final class OllamaProvider implements ChatProvider {
  private final ProviderConfig config;
  private final ProviderHttp http;

  public OllamaProvider(ProviderConfig config) {
    this.config = config;
    this.http = new ProviderHttp(config, body -> body.path("error").asText(null));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public ChatResult complete(ObjectNode request) {
    JsonNode answer = http.postForJson("api/chat", body(request, false));
    if (answer.hasNonNull("error")) throw failed(answer);
    return result(answer, answer.path("message").path("content").asText(""));
  }

  @Override
  public ChatResult stream(ObjectNode request, ChatStream sink) {
    StringBuilder text = new StringBuilder();
    try (LineStream lines = http.postForLines("api/chat", body(request, true))) {
      for (String line = lines.next(); line != null; line = lines.next()) {
        if (line.isBlank()) continue;
        JsonNode chunk = ProviderHttp.JSON.readTree(line);
        if (chunk.hasNonNull("error")) throw failed(chunk);
        String piece = chunk.path("message").path("content").asText("");
        if (!piece.isEmpty()) {
          text.append(piece);
          sink.delta(OpenAiShapes.contentDelta(piece));
        }
        if (chunk.path("done").asBoolean()) return result(chunk, text.toString());
      }
    } catch (JsonProcessingException e) {
      throw new ProviderFailure(
          ProviderFailure.Kind.SERVER_ERROR,
          0,
          config.name() + " sent a line that is not JSON",
          null,
          e);
    }
    throw new ProviderFailure(
        ProviderFailure.Kind.CUT_OFF,
        0,
        config.name() + ": the stream ended before done",
        null,
        null);
  }

  @Override
  public Embeddings embed(String model, List<String> input) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode().put("model", model);
    input.forEach(body.putArray("input")::add);
    JsonNode answer = http.postForJson("api/embed", body);
    List<float[]> vectors = new ArrayList<>();
    for (JsonNode vector : answer.path("embeddings")) vectors.add(Embeddings.floats(vector));
    if (vectors.size() != input.size()) {
      throw new ProviderFailure(
          ProviderFailure.Kind.SERVER_ERROR,
          0,
          config.name() + " sent " + vectors.size() + " embeddings for " + input.size() + " inputs",
          null,
          null);
    }
    return new Embeddings(vectors, answer.path("prompt_eval_count").asLong());
  }

  private ProviderFailure failed(JsonNode chunk) {
    return new ProviderFailure(
        ProviderFailure.Kind.SERVER_ERROR,
        0,
        config.name() + ": " + chunk.get("error").asText(),
        null,
        null);
  }

  private static ChatResult result(JsonNode last, String text) {
    String finish = "length".equals(last.path("done_reason").asText()) ? "length" : "stop";
    return new ChatResult(
        OpenAiShapes.assistant(text),
        finish,
        new Usage(last.path("prompt_eval_count").asLong(), last.path("eval_count").asLong()));
  }

  static ObjectNode body(JsonNode request, boolean stream) {
    ObjectNode body =
        ProviderHttp.JSON
            .createObjectNode()
            .put("model", request.path("model").asText())
            .put("stream", stream);
    ArrayNode messages = body.putArray("messages");
    for (JsonNode message : OpenAiShapes.messages(request)) {
      ObjectNode out =
          messages
              .addObject()
              .put("role", message.path("role").asText())
              .put("content", OpenAiShapes.text(message));
      List<String> images = OpenAiShapes.images(message);
      if (!images.isEmpty()) {
        ArrayNode data = out.putArray("images");
        for (String url : images) {
          if (!url.startsWith("data:") || url.indexOf(',') < 0)
            throw OpenAiShapes.refused("image_url.url: Ollama takes images as data: URLs only");
          data.add(url.substring(url.indexOf(',') + 1));
        }
      }
    }
    ObjectNode options = body.putObject("options");
    if (request.hasNonNull("temperature")) options.set("temperature", request.get("temperature"));
    if (request.hasNonNull("top_p")) options.set("top_p", request.get("top_p"));
    if (request.hasNonNull("max_tokens") || request.hasNonNull("max_completion_tokens"))
      options.put("num_predict", OpenAiShapes.maxTokens(request));
    List<String> stops = OpenAiShapes.stops(request);
    if (!stops.isEmpty()) stops.forEach(options.putArray("stop")::add);
    return body;
  }
}
