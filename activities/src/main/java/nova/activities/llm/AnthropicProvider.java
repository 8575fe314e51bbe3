package nova.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages API, from and to OpenAI's shapes (see {@link AnthropicRequests} for the way
 * there).
 */
public final class AnthropicProvider implements ChatProvider {
  static final String VERSION = "2023-06-01";
  private final ProviderConfig config;
  private final ProviderHttp http;

  public AnthropicProvider(ProviderConfig config) {
    this.config = config;
    this.http = new ProviderHttp(config, body -> body.path("error").path("message").asText(null));
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public ChatResult complete(ObjectNode request) {
    JsonNode answer =
        http.postForJson("v1/messages", AnthropicRequests.of(request, false), headers());
    StringBuilder text = new StringBuilder();
    for (JsonNode block : answer.path("content")) {
      if ("text".equals(block.path("type").asText())) text.append(block.path("text").asText());
    }
    JsonNode usage = answer.path("usage");
    return new ChatResult(
        OpenAiShapes.assistant(text.toString()),
        finishReason(answer.path("stop_reason").asText(null)),
        new Usage(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong()));
  }

  @Override
  public ChatResult stream(ObjectNode request, ChatStream sink) {
    StringBuilder text = new StringBuilder();
    long input = 0;
    long output = 0;
    String stop = null;
    try (SseEvents events =
        new SseEvents(
            http.postForLines("v1/messages", AnthropicRequests.of(request, true), headers()))) {
      for (SseEvents.Event event = events.next(); event != null; event = events.next()) {
        JsonNode data = ProviderHttp.JSON.readTree(event.data());
        switch (data.path("type").asText(event.name())) {
          case "message_start" -> {
            input = data.path("message").path("usage").path("input_tokens").asLong();
            output = data.path("message").path("usage").path("output_tokens").asLong();
          }
          case "content_block_delta" -> {
            String piece = data.path("delta").path("text").asText("");
            if (!piece.isEmpty()) {
              text.append(piece);
              sink.delta(OpenAiShapes.contentDelta(piece));
            }
          }
          case "message_delta" -> {
            stop = data.path("delta").path("stop_reason").asText(stop);
            output = data.path("usage").path("output_tokens").asLong(output);
          }
          case "message_stop" -> {
            return new ChatResult(
                OpenAiShapes.assistant(text.toString()),
                finishReason(stop),
                new Usage(input, output));
          }
          case "error" -> throw midStream(data.path("error"));
          default -> {} // ping, content_block_start/stop
        }
      }
    } catch (JsonProcessingException e) {
      throw new ProviderFailure(
          ProviderFailure.Kind.SERVER_ERROR,
          0,
          config.name() + " sent an event that is not JSON",
          null,
          e);
    }
    throw new ProviderFailure(
        ProviderFailure.Kind.CUT_OFF,
        0,
        config.name() + ": the stream ended before message_stop",
        null,
        null);
  }

  private ProviderFailure midStream(JsonNode error) {
    String type = error.path("type").asText("error");
    ProviderFailure.Kind kind =
        type.equals("rate_limit_error")
            ? ProviderFailure.Kind.RATE_LIMITED
            : type.equals("invalid_request_error")
                ? ProviderFailure.Kind.REFUSED
                : ProviderFailure.Kind.SERVER_ERROR;
    return new ProviderFailure(
        kind,
        0,
        config.name() + " failed mid-stream: " + type + ": " + error.path("message").asText(),
        null,
        null);
  }

  private String[] headers() {
    return new String[] {
      "x-api-key", config.apiKey() == null ? "" : config.apiKey(), "anthropic-version", VERSION
    };
  }

  static String finishReason(String stopReason) {
    if (stopReason == null) return "stop";
    return switch (stopReason) {
      case "max_tokens" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop";
    };
  }
}
