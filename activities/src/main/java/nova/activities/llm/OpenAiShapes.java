package nova.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the parts of an OpenAI chat request that other protocols need in their own shape. */
public final class OpenAiShapes {
  static final int DEFAULT_MAX_TOKENS = 4096;

  private OpenAiShapes() {}

  public static int maxTokens(JsonNode request) {
    JsonNode max =
        request.hasNonNull("max_completion_tokens")
            ? request.get("max_completion_tokens")
            : request.get("max_tokens");
    return max == null || max.isNull() ? DEFAULT_MAX_TOKENS : max.asInt();
  }

  static List<String> stops(JsonNode request) {
    JsonNode stop = request.get("stop");
    List<String> stops = new ArrayList<>();
    if (stop == null || stop.isNull()) return stops;
    if (stop.isTextual()) stops.add(stop.asText());
    else stop.forEach(s -> stops.add(s.asText()));
    return stops;
  }

  /** A message's text: its content string, or its text parts joined. */
  public static String text(JsonNode message) {
    JsonNode content = message.get("content");
    if (content == null || content.isNull()) return "";
    if (content.isTextual()) return content.asText();
    StringBuilder text = new StringBuilder();
    for (JsonNode part : content) {
      if ("text".equals(part.path("type").asText())) text.append(part.path("text").asText());
    }
    return text.toString();
  }

  /** The image URLs of a message's parts (data: URLs or http ones). */
  static List<String> images(JsonNode message) {
    List<String> urls = new ArrayList<>();
    JsonNode content = message.get("content");
    if (content != null && content.isArray()) {
      for (JsonNode part : content) {
        if ("image_url".equals(part.path("type").asText()))
          urls.add(part.path("image_url").path("url").asText());
      }
    }
    return urls;
  }

  public static ObjectNode assistant(String text) {
    return ProviderHttp.JSON.createObjectNode().put("role", "assistant").put("content", text);
  }

  static ObjectNode contentDelta(String text) {
    return ProviderHttp.JSON.createObjectNode().put("content", text);
  }

  static ArrayNode messages(JsonNode request) {
    JsonNode messages = request.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw refused("messages must be a non-empty list");
    }
    return (ArrayNode) messages;
  }

  static ProviderFailure refused(String why) {
    return new ProviderFailure(ProviderFailure.Kind.REFUSED, 400, why, null, null);
  }
}
