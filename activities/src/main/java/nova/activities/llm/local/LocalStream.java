package nova.activities.llm.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One streamed answer of the local model, in OpenAI's chunk framing, paced token by token. */
final class LocalStream {
  // Another program's wire format (a provider's, the conductor's), not Nova's stored or API
  // JSON: a plain mapper, so that no setting of Nova's own can change what is sent or read.
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpExchange exchange;
  private final String id;
  private final String model;
  private final LocalModel pacing;
  private final long created = System.currentTimeMillis() / 1000;

  LocalStream(HttpExchange exchange, String id, String model, LocalModel pacing) {
    this.exchange = exchange;
    this.id = id;
    this.model = model;
    this.pacing = pacing;
  }

  void send(List<String> tokens, String finish, ObjectNode usage) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    ObjectNode first = JSON.createObjectNode().put("role", "assistant").put("content", "");
    write(out, chunk(first, null));
    for (int i = 0; i < tokens.size(); i++) {
      LocalModelServer.sleep(pacing.pause(i));
      write(out, chunk(JSON.createObjectNode().put("content", tokens.get(i)), null));
    }
    write(out, chunk(JSON.createObjectNode(), finish));
    if (usage != null) {
      ObjectNode last = header();
      last.putArray("choices");
      last.set("usage", usage);
      write(out, last);
    }
    out.write(LocalModelServer.utf8("data: [DONE]\n\n"));
    out.flush();
  }

  private ObjectNode chunk(ObjectNode delta, String finish) {
    ObjectNode chunk = header();
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    if (finish == null) choice.putNull("finish_reason");
    else choice.put("finish_reason", finish);
    return chunk;
  }

  private ObjectNode header() {
    return JSON.createObjectNode()
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", created)
        .put("model", model);
  }

  private static void write(OutputStream out, ObjectNode chunk) throws IOException {
    out.write(LocalModelServer.utf8("data: " + JSON.writeValueAsString(chunk) + "\n\n"));
    out.flush();
  }
}
