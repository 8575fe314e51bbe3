package nova.web.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nova.activities.llm.ChatResult;
import nova.activities.llm.gateway.GatewayAnswer;
import nova.activities.llm.gateway.GatewayFailure;

/**
 * Nova's answers in OpenAI's shapes: a whole chat.completion, or a stream of chat.completion.chunk
 * events ending in [DONE]. A failure after the first token is an error event, which OpenAI's SDKs
 * raise as an error; the stream then ends without [DONE].
 */
final class OpenAiChunks implements StreamingOutput {
  static final String ROUTE_HEADER = "X-Nova-Route";
  private final ObjectMapper json;
  private final ChatRelay relay;
  private final ChatRelay.Event first;
  private final boolean includeUsage;
  private final String id = "chatcmpl-" + UUID.randomUUID();
  private final long created = System.currentTimeMillis() / 1000;

  OpenAiChunks(ObjectMapper json, ChatRelay relay, ChatRelay.Event first, boolean includeUsage) {
    this.json = json;
    this.relay = relay;
    this.first = first;
    this.includeUsage = includeUsage;
  }

  static ObjectNode completion(ObjectMapper json, GatewayAnswer answer) {
    ChatResult result = answer.result();
    ObjectNode body =
        json.createObjectNode()
            .put("id", "chatcmpl-" + UUID.randomUUID())
            .put("object", "chat.completion")
            .put("created", System.currentTimeMillis() / 1000)
            .put("model", answer.route().name());
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    choice.set("message", result.message());
    choice.putNull("logprobs");
    choice.put("finish_reason", result.finishReason());
    body.set("usage", usage(json, result));
    return body;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    boolean[] roleSent = {false};
    relay.drain(
        first,
        new ChatRelay.Writer() {
          @Override
          public void delta(ChatRelay.Delta d) throws IOException {
            ObjectNode delta = d.delta().deepCopy();
            if (!roleSent[0] && !delta.has("role")) delta.put("role", "assistant");
            roleSent[0] = true;
            send(out, chunk(d.route().name(), delta, null));
          }

          @Override
          public void done(ChatRelay.Done done) throws IOException {
            String model = done.answer().route().name();
            send(out, chunk(model, json.createObjectNode(), done.answer().result().finishReason()));
            if (includeUsage) {
              ObjectNode last = header(model);
              last.putArray("choices");
              last.set("usage", usage(json, done.answer().result()));
              send(out, last);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
          }

          @Override
          public void failed(ChatRelay.Failed failed) throws IOException {
            send(out, error(failed.error()));
          }
        });
  }

  private ObjectNode chunk(String model, ObjectNode delta, String finish) {
    ObjectNode chunk = header(model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    if (finish == null) choice.putNull("finish_reason");
    else choice.put("finish_reason", finish);
    return chunk;
  }

  private ObjectNode header(String model) {
    return json.createObjectNode()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", model);
  }

  private ObjectNode error(RuntimeException e) {
    ObjectNode body = json.createObjectNode();
    int status = e instanceof GatewayFailure f ? f.status() : 502;
    body.putObject("error")
        .put("message", e.getMessage())
        .put("type", "api_error")
        .put("code", status);
    return body;
  }

  private void send(OutputStream out, ObjectNode event) throws IOException {
    out.write(
        ("data: " + json.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static ObjectNode usage(ObjectMapper json, ChatResult result) {
    return json.createObjectNode()
        .put("prompt_tokens", result.usage().inputTokens())
        .put("completion_tokens", result.usage().outputTokens())
        .put("total_tokens", result.usage().total());
  }
}
