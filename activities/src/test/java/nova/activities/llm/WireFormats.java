package nova.activities.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes each provider really sends, per its API reference: whole answers, stream frames and
 * error bodies.
 */
public final class WireFormats {
  public static final int PROMPT_TOKENS = 9;

  private WireFormats() {}

  static String whole(ProviderKind kind, String model, List<String> pieces) {
    String text = String.join("", pieces);
    ObjectNode body = FakeProvider.JSON.createObjectNode();
    switch (kind) {
      case OPENAI, LOCAL -> {
        body.put("id", "chatcmpl-1")
            .put("object", "chat.completion")
            .put("created", 1_700_000_000)
            .put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        body.putObject("usage")
            .put("prompt_tokens", PROMPT_TOKENS)
            .put("completion_tokens", pieces.size())
            .put("total_tokens", PROMPT_TOKENS + pieces.size());
      }
      case ANTHROPIC -> {
        body.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", model);
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", "end_turn").putNull("stop_sequence");
        body.putObject("usage")
            .put("input_tokens", PROMPT_TOKENS)
            .put("output_tokens", pieces.size());
      }
      case OLLAMA -> {
        body.put("model", model).put("created_at", "2026-11-23T12:00:00Z");
        body.putObject("message").put("role", "assistant").put("content", text);
        body.put("done", true)
            .put("done_reason", "stop")
            .put("prompt_eval_count", PROMPT_TOKENS)
            .put("eval_count", pieces.size());
      }
    }
    return body.toString();
  }

  /** The frames of a streamed answer, in order, each ready to write. */
  static List<String> streamed(ProviderKind kind, String model, List<String> pieces) {
    List<String> frames = new ArrayList<>();
    switch (kind) {
      case OPENAI, LOCAL -> {
        String head =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model
                + "\",";
        frames.add(
            "data: "
                + head
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        for (String piece : pieces)
          frames.add(
              "data: "
                  + head
                  + "\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                  + quote(piece)
                  + "},\"finish_reason\":null}],\"usage\":null}\n\n");
        frames.add(
            "data: "
                + head
                + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
        frames.add(
            "data: "
                + head
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":"
                + PROMPT_TOKENS
                + ",\"completion_tokens\":"
                + pieces.size()
                + ",\"total_tokens\":"
                + (PROMPT_TOKENS + pieces.size())
                + "}}\n\n");
        frames.add("data: [DONE]\n\n");
      }
      case ANTHROPIC -> {
        frames.add(
            event(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\""
                    + model
                    + "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                    + PROMPT_TOKENS
                    + ",\"output_tokens\":1}}}"));
        frames.add(
            event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        frames.add(event("ping", "{\"type\":\"ping\"}"));
        for (String piece : pieces)
          frames.add(
              event(
                  "content_block_delta",
                  "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                      + quote(piece)
                      + "}}"));
        frames.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
        frames.add(
            event(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
                    + pieces.size()
                    + "}}"));
        frames.add(event("message_stop", "{\"type\":\"message_stop\"}"));
      }
      case OLLAMA -> {
        for (String piece : pieces)
          frames.add(
              "{\"model\":\""
                  + model
                  + "\",\"created_at\":\"2026-11-23T12:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                  + quote(piece)
                  + "},\"done\":false}\n");
        frames.add(
            "{\"model\":\""
                + model
                + "\",\"created_at\":\"2026-11-23T12:00:01Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
                + "\"total_duration\":4353619900,\"prompt_eval_count\":"
                + PROMPT_TOKENS
                + ",\"eval_count\":"
                + pieces.size()
                + "}\n");
      }
    }
    return frames;
  }

  /** Whether a frame carries a piece of the answer's text. */
  static boolean isPiece(ProviderKind kind, String frame) {
    return switch (kind) {
      case OPENAI, LPU, LOCAL -> frame.contains("\"delta\":{\"content\":");
      case ANTHROPIC -> frame.startsWith("event: content_block_delta");
      case OLLAMA -> frame.contains("\"done\":false");
    };
  }

  static String error(ProviderKind kind, int status, String message) {
    ObjectNode body = FakeProvider.JSON.createObjectNode();
    switch (kind) {
      case OPENAI, LOCAL ->
          body.putObject("error")
              .put("message", message)
              .put("type", status == 429 ? "requests" : "server_error")
              .putNull("param")
              .put("code", status == 429 ? "rate_limit_exceeded" : null);
      case ANTHROPIC -> {
        body.put("type", "error");
        body.putObject("error")
            .put(
                "type",
                status == 429
                    ? "rate_limit_error"
                    : status == 529
                        ? "overloaded_error"
                        : status >= 500 ? "api_error" : "invalid_request_error")
            .put("message", message);
        body.put("request_id", "req_1");
      }
      case OLLAMA -> body.put("error", message);
    }
    return body.toString();
  }

  private static String event(String name, String data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }

  private static String quote(String s) {
    return FakeProvider.JSON.getNodeFactory().textNode(s).toString();
  }
}
