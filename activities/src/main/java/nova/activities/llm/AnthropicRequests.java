package nova.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An OpenAI chat request as an Anthropic Messages request: system text on top, user and assistant
 * turns, max_tokens always set.
 */
final class AnthropicRequests {
  private AnthropicRequests() {}

  static ObjectNode of(JsonNode request, boolean stream) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode();
    body.put("model", request.path("model").asText());
    body.put("max_tokens", OpenAiShapes.maxTokens(request));
    StringBuilder system = new StringBuilder();
    ArrayNode messages = body.putArray("messages");
    for (JsonNode message : OpenAiShapes.messages(request)) {
      String role = message.path("role").asText();
      switch (role) {
        case "system", "developer" ->
            system.append(system.isEmpty() ? "" : "\n\n").append(OpenAiShapes.text(message));
        case "user", "assistant" ->
            messages.addObject().put("role", role).set("content", content(message));
        default ->
            throw OpenAiShapes.refused(
                "messages[].role '"
                    + role
                    + "' is not supported by Anthropic providers; use system, user or assistant");
      }
    }
    if (messages.isEmpty()) throw OpenAiShapes.refused("messages needs at least one user message");
    if (!system.isEmpty()) body.put("system", system.toString());
    copyNumber(request, body, "temperature", "temperature");
    copyNumber(request, body, "top_p", "top_p");
    List<String> stops = OpenAiShapes.stops(request);
    if (!stops.isEmpty()) stops.forEach(body.putArray("stop_sequences")::add);
    if (stream) body.put("stream", true);
    return body;
  }

  private static JsonNode content(JsonNode message) {
    List<String> images = OpenAiShapes.images(message);
    if (images.isEmpty())
      return ProviderHttp.JSON.getNodeFactory().textNode(OpenAiShapes.text(message));
    ArrayNode blocks = ProviderHttp.JSON.createArrayNode();
    for (String url : images) blocks.add(image(url));
    String text = OpenAiShapes.text(message);
    if (!text.isEmpty()) blocks.addObject().put("type", "text").put("text", text);
    return blocks;
  }

  private static ObjectNode image(String url) {
    ObjectNode block = ProviderHttp.JSON.createObjectNode().put("type", "image");
    ObjectNode source = block.putObject("source");
    if (url.startsWith("data:")) {
      int comma = url.indexOf(',');
      int semicolon = url.indexOf(';');
      if (comma < 0 || semicolon < 0 || semicolon > comma)
        throw OpenAiShapes.refused(
            "image_url.url: a data: URL must be data:<media type>;base64,<data>");
      source
          .put("type", "base64")
          .put("media_type", url.substring(5, semicolon))
          .put("data", url.substring(comma + 1));
    } else {
      source.put("type", "url").put("url", url);
    }
    return block;
  }

  private static void copyNumber(JsonNode from, ObjectNode to, String field, String as) {
    if (from.hasNonNull(field)) to.set(as, from.get(field));
  }
}
