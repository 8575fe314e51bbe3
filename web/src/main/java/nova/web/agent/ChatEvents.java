package nova.web.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import nova.activities.llm.ChatResult;
import nova.web.llm.ChatRelay;

/**
 * A chat turn as SSE JSON lines: {"type": "start"}, then {"type": "token", "text"} as they arrive,
 * then "done" with usage, or "error".
 */
final class ChatEvents implements StreamingOutput {
  private final ObjectMapper json;
  private final ChatRelay relay;
  private final ChatRelay.Event first;
  private final Agent agent;

  ChatEvents(ObjectMapper json, ChatRelay relay, ChatRelay.Event first, Agent agent) {
    this.json = json;
    this.relay = relay;
    this.first = first;
    this.agent = agent;
  }

  @Override
  public void write(OutputStream out) throws IOException {
    send(
        out,
        json.createObjectNode()
            .put("type", "start")
            .put("agent", agent.name())
            .put("agent_id", agent.id().toString()));
    relay.drain(
        first,
        new ChatRelay.Writer() {
          @Override
          public void delta(ChatRelay.Delta d) throws IOException {
            send(
                out,
                json.createObjectNode()
                    .put("type", "token")
                    .put("text", d.delta().path("content").asText(""))
                    .put("model", d.route().name()));
          }

          @Override
          public void done(ChatRelay.Done done) throws IOException {
            ChatResult result = done.answer().result();
            ObjectNode end =
                json.createObjectNode()
                    .put("type", "done")
                    .put("model", done.answer().route().name())
                    .put("finish_reason", result.finishReason());
            end.putObject("usage")
                .put("input_tokens", result.usage().inputTokens())
                .put("output_tokens", result.usage().outputTokens());
            send(out, end);
          }

          @Override
          public void failed(ChatRelay.Failed failed) throws IOException {
            send(
                out,
                json.createObjectNode()
                    .put("type", "error")
                    .put("message", failed.error().getMessage()));
          }
        });
  }

  private void send(OutputStream out, ObjectNode event) throws IOException {
    out.write(
        ("data: " + json.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
