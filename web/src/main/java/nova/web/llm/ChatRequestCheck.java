package nova.web.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import nova.web.errors.ApiException;

/**
 * The parts of an OpenAI chat completion body that Nova must understand, checked before any
 * provider is asked; the rest goes through as sent.
 */
final class ChatRequestCheck {
  private static final Set<String> ROLES =
      Set.of("system", "developer", "user", "assistant", "tool");

  private ChatRequestCheck() {}

  static void check(JsonNode body, boolean modelRequired) {
    if (body == null || !body.isObject()) throw field("", "the request body must be a JSON object");
    JsonNode model = body.get("model");
    if (modelRequired && (model == null || !model.isTextual() || model.asText().isBlank()))
      throw field(
          "model", "model is required: provider/model or an alias (GET /v1/models lists them)");
    if (model != null && !model.isTextual()) throw field("model", "model must be a string");
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty())
      throw field("messages", "messages must be a non-empty list of {role, content}");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String at = "messages[" + i + "]";
      if (!m.isObject()) throw field(at, at + " must be an object with role and content");
      if (!ROLES.contains(m.path("role").asText()))
        throw field(
            at + ".role", at + ".role must be one of system, developer, user, assistant, tool");
      JsonNode content = m.get("content");
      boolean toolCalls = m.path("tool_calls").isArray();
      if ((content == null || content.isNull()) && !toolCalls)
        throw field(at + ".content", at + ".content is required (a string or a list of parts)");
      if (content != null && !content.isNull() && !content.isTextual() && !content.isArray())
        throw field(at + ".content", at + ".content must be a string or a list of parts");
    }
    JsonNode stream = body.get("stream");
    if (stream != null && !stream.isNull() && !stream.isBoolean())
      throw field("stream", "stream must be true or false");
    for (String limit : new String[] {"max_tokens", "max_completion_tokens"}) {
      JsonNode max = body.get(limit);
      if (max != null
          && !max.isNull()
          && (!max.canConvertToInt() || !max.isIntegralNumber() || max.asInt() < 1))
        throw field(limit, limit + " must be a positive whole number");
    }
  }

  static ApiException field(String field, String message) {
    return new ApiException(400, message, Map.of("field", field));
  }
}
