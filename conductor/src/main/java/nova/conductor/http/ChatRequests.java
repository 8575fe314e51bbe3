package nova.conductor.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nova.conductor.Deployment;
import nova.conductor.config.ModelConfig;
import nova.conductor.route.InferenceRequest;
import nova.conductor.route.RouteFailure;
import nova.conductor.wire.Body;

/**
 * An OpenAI chat completion body as an inference request. The model is the instance name, or a LoRA
 * adapter's name (as vLLM serves adapters); content is a string or a list of text and image_url
 * parts. Fields this endpoint does not act on are accepted, as OpenAI's clients send many.
 */
final class ChatRequests {
  static final int DEFAULT_MAX_TOKENS = 1024;

  private ChatRequests() {}

  static InferenceRequest parse(JsonNode body, Deployment d) {
    String model = text(body, "model");
    String adapter = adapterFor(model, d);
    JsonNode messages = body.path("messages");
    if (!messages.isArray() || messages.isEmpty())
      throw RouteFailure.badRequest("'messages' must be a non-empty array of {role, content}");
    List<Body.ChatMessage> parsed = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) parsed.add(message(messages.get(i), i));
    int maxTokens = maxTokens(body, d.model().maxContext());
    double temperature = body.path("temperature").asDouble(1.0);
    if (body.has("temperature")
        && (!body.get("temperature").isNumber() || temperature < 0 || temperature > 2)) {
      throw RouteFailure.badRequest("'temperature' must be a number from 0 to 2");
    }
    return new InferenceRequest(parsed, maxTokens, (float) temperature, adapter);
  }

  private static String adapterFor(String model, Deployment d) {
    if (model.equals(d.instance())) return "";
    if (d.model().lora().adapters().stream().anyMatch(a -> a.name().equals(model))) return model;
    List<String> offered = new ArrayList<>(List.of(d.instance()));
    d.model().lora().adapters().stream().map(ModelConfig.Adapter::name).forEach(offered::add);
    throw new RouteFailure(
        404,
        "invalid_request_error",
        "model '" + model + "' is not served here; this conductor serves " + offered);
  }

  private static Body.ChatMessage message(JsonNode m, int i) {
    String role = m.path("role").asText("");
    if (!List.of("system", "user", "assistant", "tool", "developer").contains(role)) {
      throw RouteFailure.badRequest(
          "messages[" + i + "].role must be system, user, assistant, tool or developer");
    }
    JsonNode content = m.path("content");
    if (content.isTextual()) return new Body.ChatMessage(role, content.asText(), List.of());
    if (content.isNull() || content.isMissingNode())
      return new Body.ChatMessage(role, "", List.of());
    if (!content.isArray())
      throw RouteFailure.badRequest(
          "messages[" + i + "].content must be a string or a list of parts");
    StringBuilder text = new StringBuilder();
    List<String> images = new ArrayList<>();
    for (int p = 0; p < content.size(); p++) {
      JsonNode part = content.get(p);
      switch (part.path("type").asText("")) {
        case "text" -> text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asText());
        case "image_url" -> {
          String url = part.path("image_url").path("url").asText("");
          if (!url.startsWith("http://")
              && !url.startsWith("https://")
              && !url.startsWith("data:image/")) {
            throw RouteFailure.badRequest(
                "messages["
                    + i
                    + "].content["
                    + p
                    + "].image_url.url must be an http(s) URL or a data:image/ URI");
          }
          images.add(url);
        }
        default ->
            throw RouteFailure.badRequest(
                "messages[" + i + "].content[" + p + "].type must be 'text' or 'image_url'");
      }
    }
    return new Body.ChatMessage(role, text.toString(), images);
  }

  private static int maxTokens(JsonNode body, int maxContext) {
    JsonNode n =
        body.has("max_completion_tokens")
            ? body.get("max_completion_tokens")
            : body.path("max_tokens");
    if (n.isMissingNode() || n.isNull()) return Math.min(DEFAULT_MAX_TOKENS, maxContext);
    if (!n.isIntegralNumber() || n.asLong() < 1 || n.asLong() > maxContext) {
      throw RouteFailure.badRequest(
          "'max_tokens' must be a whole number from 1 to " + maxContext + " (the model's context)");
    }
    return n.asInt();
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.path(field);
    if (!n.isTextual() || n.asText().isBlank())
      throw RouteFailure.badRequest("'" + field + "' is required: the model name to use");
    return n.asText();
  }
}
