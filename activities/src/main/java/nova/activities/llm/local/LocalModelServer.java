package nova.activities.llm.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import nova.activities.llm.OpenAiShapes;

/**
 * The built-in local model behind a loopback port, speaking OpenAI's wire protocol (chat
 * completions streamed and not, models, embeddings), so Nova's gateway reaches it through the same
 * client and code path as any hosted provider. {@code bin/nova bench gateway} runs it on its own as
 * the baseline.
 */
public final class LocalModelServer implements AutoCloseable {
  // Another program's wire format (a provider's, the conductor's), not Nova's stored or API
  // JSON: a plain mapper, so that no setting of Nova's own can change what is sent or read.
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EMBED_DIMENSIONS = 256;

  static {
    // The JDK's server leaves Nagle's algorithm on: each small streamed chunk would wait for the
    // client's delayed ACK, up to 40 ms, which no real provider does. Read once, when the first
    // server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final LocalModel model;
  private final HttpServer server;

  public LocalModelServer(LocalModel model, int port) throws IOException {
    this.model = model;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/", this::handle);
    server.start();
  }

  /**
   * Runs the local model on its own: {@code LocalModelServer PORT [FIRST_TOKEN_MS
   * TOKENS_PER_SECOND]}.
   */
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    Duration first = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 150);
    double rate = args.length > 2 ? Double.parseDouble(args[2]) : 60;
    new LocalModelServer(new LocalModel(first, rate), port);
    System.out.println("local model listening on 127.0.0.1:" + port);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      switch (exchange.getRequestMethod() + " " + path) {
        case "GET /v1/models" -> send(exchange, 200, models());
        case "POST /v1/chat/completions" ->
            chat(exchange, JSON.readTree(exchange.getRequestBody()));
        case "POST /v1/embeddings" ->
            send(exchange, 200, embeddings(JSON.readTree(exchange.getRequestBody())));
        default ->
            send(
                exchange,
                404,
                error(
                    "no route "
                        + exchange.getRequestMethod()
                        + " "
                        + path
                        + "; this server has /v1/chat/completions, /v1/models and /v1/embeddings"));
      }
    } catch (JsonProcessingException e) {
      send(exchange, 400, error("the body is not JSON: " + e.getOriginalMessage()));
    }
  }

  private void chat(HttpExchange exchange, JsonNode request) throws IOException {
    JsonNode messages = request.path("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      send(exchange, 400, error("messages must be a non-empty list"));
      return;
    }
    StringBuilder prompt = new StringBuilder();
    String last = "";
    for (JsonNode message : messages) {
      String text = OpenAiShapes.text(message);
      prompt.append(text).append('\n');
      if ("user".equals(message.path("role").asText())) last = text;
    }
    int maxTokens = OpenAiShapes.maxTokens(request);
    List<String> tokens = model.answer(last, maxTokens);
    String finish = tokens.size() >= maxTokens ? "length" : "stop";
    ObjectNode usage =
        JSON.createObjectNode()
            .put("prompt_tokens", LocalModel.tokens(prompt.toString()) + 3 * messages.size())
            .put("completion_tokens", tokens.size());
    usage.put("total_tokens", usage.get("prompt_tokens").asInt() + tokens.size());
    String id = "chatcmpl-local-" + UUID.randomUUID();
    String modelName = request.path("model").asText(LocalModel.CHAT_MODEL);
    if (request.path("stream").asBoolean(false)) {
      new LocalStream(exchange, id, modelName, model)
          .send(
              tokens,
              finish,
              request.path("stream_options").path("include_usage").asBoolean(false) ? usage : null);
      return;
    }
    for (int i = 0; i < tokens.size(); i++) sleep(model.pause(i));
    ObjectNode answer =
        JSON.createObjectNode()
            .put("id", id)
            .put("object", "chat.completion")
            .put("created", System.currentTimeMillis() / 1000)
            .put("model", modelName);
    answer
        .putArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", finish)
        .set("message", OpenAiShapes.assistant(String.join("", tokens)));
    answer.set("usage", usage);
    send(exchange, 200, answer);
  }

  private ObjectNode models() {
    ObjectNode list = JSON.createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    for (String id : List.of(LocalModel.CHAT_MODEL, LocalModel.EMBED_MODEL)) {
      data.addObject()
          .put("id", id)
          .put("object", "model")
          .put("created", 0)
          .put("owned_by", "nova-local");
    }
    return list;
  }

  private ObjectNode embeddings(JsonNode request) {
    JsonNode input = request.path("input");
    List<String> texts =
        input.isArray()
            ? JSON.convertValue(
                input, JSON.getTypeFactory().constructCollectionType(List.class, String.class))
            : List.of(input.asText());
    ObjectNode answer =
        JSON.createObjectNode()
            .put("object", "list")
            .put("model", request.path("model").asText(LocalModel.EMBED_MODEL));
    ArrayNode data = answer.putArray("data");
    int tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      ArrayNode vector =
          data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
      for (float v : LocalModel.embed(texts.get(i), EMBED_DIMENSIONS)) vector.add(v);
      tokens += LocalModel.tokens(texts.get(i));
    }
    answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return answer;
  }

  static ObjectNode error(String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("message", message).put("type", "invalid_request_error");
    return body;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void sleep(Duration d) {
    // Under 20 µs a sleep overshoots the pause many times over: an unpaced benchmark run skips it.
    if (d.toNanos() < 20_000) return;
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
