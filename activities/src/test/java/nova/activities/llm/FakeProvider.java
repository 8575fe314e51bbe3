package nova.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nova.activities.llm.local.LocalModel;

/**
 * A local HTTP server that speaks one provider's real wire protocol (OpenAI chat completions,
 * Anthropic Messages or Ollama's /api/chat): JSON answers, streams in the provider's own framing,
 * its error bodies and Retry-After. Each request takes the next planned behaviour, so a test can
 * script 429s, 500s, slow starts, stalls and streams that break off. As OpenAI it also answers
 * /v1/embeddings, outside the plans, with {@link #EMBEDDING_DIMENSIONS}-dimension word-hash
 * vectors; a request with a text containing {@link #HOLD} waits until {@link #releaseHeld()}.
 */
public final class FakeProvider implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** What the server does with one request. */
  public record Plan(
      int status,
      String message,
      String retryAfter,
      List<String> pieces,
      int breakAfter,
      Duration stallAfterBreak,
      Duration firstByteDelay,
      Duration pieceDelay) {
    public static Plan answer(String... pieces) {
      return new Plan(200, null, null, List.of(pieces), -1, null, Duration.ZERO, Duration.ZERO);
    }

    /**
     * A 200 whose body is this text, whatever was asked (a misbehaving proxy in front of the
     * provider).
     */
    public static Plan garbage(String body) {
      return new Plan(200, body, null, List.of(), -1, null, Duration.ZERO, Duration.ZERO);
    }

    public static Plan error(int status, String message, String retryAfter) {
      return new Plan(
          status, message, retryAfter, List.of(), -1, null, Duration.ZERO, Duration.ZERO);
    }

    /** Sends {@code after} pieces of the answer, then closes the connection mid-stream. */
    public Plan cutOffAfter(int after) {
      return new Plan(status, message, retryAfter, pieces, after, null, firstByteDelay, pieceDelay);
    }

    /** Sends {@code after} pieces, then goes silent for {@code stall} with the connection open. */
    public Plan stallAfter(int after, Duration stall) {
      return new Plan(
          status, message, retryAfter, pieces, after, stall, firstByteDelay, pieceDelay);
    }

    public Plan slowStart(Duration delay) {
      return new Plan(
          status, message, retryAfter, pieces, breakAfter, stallAfterBreak, delay, pieceDelay);
    }

    /** Streams with this pause before each piece, as a model writes. */
    public Plan paced(Duration delay) {
      return new Plan(
          status, message, retryAfter, pieces, breakAfter, stallAfterBreak, firstByteDelay, delay);
    }
  }

  public record Received(String path, Map<String, List<String>> headers, JsonNode body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  public static final int EMBEDDING_DIMENSIONS = 64;
  public static final String HOLD = "hold-this-embedding";

  private final ProviderKind kind;
  private final HttpServer server;
  private final CountDownLatch held = new CountDownLatch(1);
  private final ConcurrentLinkedQueue<Plan> plans = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private volatile Plan otherwise =
      Plan.error(500, "the test planned no answer for this request", null);

  public FakeProvider(ProviderKind kind) throws IOException {
    this.kind = kind;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    String root = "http://127.0.0.1:" + server.getAddress().getPort();
    return kind == ProviderKind.OPENAI ? root + "/v1" : root;
  }

  public FakeProvider then(Plan plan) {
    plans.add(plan);
    return this;
  }

  /** What every request gets once the planned ones are used up. */
  public FakeProvider otherwise(Plan plan) {
    this.otherwise = plan;
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      received.add(
          new Received(
              exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
      if (kind == ProviderKind.OPENAI
          && exchange.getRequestURI().getPath().endsWith("/embeddings")) {
        send(exchange, 200, "application/json", embeddings(body));
        return;
      }
      Plan plan = plans.poll();
      if (plan == null) plan = otherwise;
      sleep(plan.firstByteDelay());
      if (plan.status() != 200) {
        if (plan.retryAfter() != null)
          exchange.getResponseHeaders().add("Retry-After", plan.retryAfter());
        send(
            exchange,
            plan.status(),
            "application/json",
            WireFormats.error(kind, plan.status(), plan.message()));
        return;
      }
      if (plan.message() != null) {
        send(exchange, 200, "text/html", plan.message());
        return;
      }
      boolean stream =
          kind == ProviderKind.OLLAMA
              ? body.path("stream").asBoolean(true)
              : body.path("stream").asBoolean(false);
      String model = body.path("model").asText();
      if (!stream) {
        send(exchange, 200, "application/json", WireFormats.whole(kind, model, plan.pieces()));
        return;
      }
      exchange
          .getResponseHeaders()
          .add(
              "Content-Type",
              kind == ProviderKind.OLLAMA ? "application/x-ndjson" : "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      List<String> frames = WireFormats.streamed(kind, model, plan.pieces());
      int sentPieces = 0;
      for (String frame : frames) {
        if (plan.breakAfter() >= 0
            && sentPieces >= plan.breakAfter()
            && WireFormats.isPiece(kind, frame)) {
          if (plan.stallAfterBreak() != null) {
            out.flush();
            sleep(plan.stallAfterBreak());
          }
          return; // closing the exchange here ends the body without its terminator
        }
        if (WireFormats.isPiece(kind, frame)) sleep(plan.pieceDelay());
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (WireFormats.isPiece(kind, frame)) sentPieces++;
      }
    }
  }

  /** Lets every held embedding request answer, now and from now on. */
  public void releaseHeld() {
    held.countDown();
  }

  private String embeddings(JsonNode request) throws IOException {
    List<String> texts = new ArrayList<>();
    if (request.path("input").isArray()) request.path("input").forEach(t -> texts.add(t.asText()));
    else texts.add(request.path("input").asText());
    if (texts.stream().anyMatch(t -> t.contains(HOLD))) {
      try {
        held.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    var answer =
        JSON.createObjectNode().put("object", "list").put("model", request.path("model").asText());
    var data = answer.putArray("data");
    int tokens = 0;
    for (int i = 0; i < texts.size(); i++) {
      var vector =
          data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
      for (float v : LocalModel.embed(texts.get(i), EMBEDDING_DIMENSIONS)) vector.add(v);
      tokens += LocalModel.tokens(texts.get(i));
    }
    answer.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return JSON.writeValueAsString(answer);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(Duration d) {
    if (d == null || d.isZero()) return;
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
}
