package nova.conductor.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nova.conductor.wire.Body;

/** The JSON OpenAI's chat completions API answers with, whole and in chunks. */
final class OpenAiShapes {
  private OpenAiShapes() {}

  static ObjectNode completion(String id, String model) {
    return Exchanges.JSON
        .createObjectNode()
        .put("id", id)
        .put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", model);
  }

  static ObjectNode roleChunk(String id, String model) {
    ObjectNode chunk = base(id, model);
    chunk
        .putArray("choices")
        .addObject()
        .put("index", 0)
        .putNull("finish_reason")
        .putObject("delta")
        .put("role", "assistant")
        .put("content", "");
    return chunk;
  }

  static ObjectNode chunk(String id, String model, String content, String finishReason) {
    ObjectNode chunk = base(id, model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) delta.put("content", content);
    if (finishReason == null) choice.putNull("finish_reason");
    else choice.put("finish_reason", finishReason);
    return chunk;
  }

  static ObjectNode usageChunk(String id, String model, Body.Done done) {
    ObjectNode chunk = base(id, model);
    chunk.putArray("choices");
    usage(chunk, done);
    return chunk;
  }

  static void usage(ObjectNode answer, Body.Done done) {
    answer
        .putObject("usage")
        .put("prompt_tokens", done.promptTokens())
        .put("completion_tokens", done.completionTokens())
        .put("total_tokens", done.promptTokens() + done.completionTokens());
  }

  private static ObjectNode base(String id, String model) {
    return Exchanges.JSON
        .createObjectNode()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", model);
  }
}
