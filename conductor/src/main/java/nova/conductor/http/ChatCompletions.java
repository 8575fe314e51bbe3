package nova.conductor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nova.conductor.Conductor;
import nova.conductor.Deployment;
import nova.conductor.route.InferenceRequest;
import nova.conductor.route.RouteFailure;
import nova.conductor.route.TokenSink;
import nova.conductor.wire.Body;

/**
 * POST /openai/v1/chat/completions, whole or streamed as server-sent events, as OpenAI answers it.
 */
final class ChatCompletions implements HttpHandler {
  private final Conductor conductor;

  ChatCompletions(Conductor conductor) {
    this.conductor = conductor;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Exchanges.guarded(
        exchange,
        ex -> {
          Exchanges.requireMethod(ex, "POST");
          JsonNode body = Exchanges.body(ex);
          Deployment d = conductor.deployment();
          InferenceRequest request = ChatRequests.parse(body, d);
          String model = body.get("model").asText();
          String id = "chatcmpl-" + UUID.randomUUID();
          if (body.path("stream").asBoolean(false))
            stream(
                ex,
                request,
                model,
                id,
                body.path("stream_options").path("include_usage").asBoolean(false));
          else whole(ex, request, model, id);
        });
  }

  private void whole(HttpExchange exchange, InferenceRequest request, String model, String id)
      throws IOException, InterruptedException {
    StringBuilder text = new StringBuilder();
    Body.Done[] end = new Body.Done[1];
    conductor
        .router()
        .infer(
            request,
            new TokenSink() {
              @Override
              public void token(String t) {
                text.append(t);
              }

              @Override
              public void done(Body.Done done) {
                end[0] = done;
              }
            });
    ObjectNode answer = OpenAiShapes.completion(id, model);
    ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", text.toString());
    choice.put("finish_reason", end[0].finishReason());
    OpenAiShapes.usage(answer, end[0]);
    Exchanges.json(exchange, 200, answer);
  }

  private void stream(
      HttpExchange exchange, InferenceRequest request, String model, String id, boolean usage)
      throws IOException, InterruptedException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    OutputStream out = exchange.getResponseBody();
    boolean[] started = {false};
    TokenSink sink =
        new TokenSink() {
          @Override
          public void token(String t) throws IOException {
            begin();
            event(out, OpenAiShapes.chunk(id, model, t, null));
          }

          @Override
          public void done(Body.Done done) throws IOException {
            begin();
            event(out, OpenAiShapes.chunk(id, model, null, done.finishReason()));
            if (usage) event(out, OpenAiShapes.usageChunk(id, model, done));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
          }

          private void begin() throws IOException {
            if (started[0]) return;
            started[0] = true;
            exchange.sendResponseHeaders(200, 0);
            event(out, OpenAiShapes.roleChunk(id, model));
          }
        };
    try {
      conductor.router().infer(request, sink);
    } catch (RouteFailure e) {
      if (!started[0]) throw e; // nothing sent yet: a plain HTTP error, as OpenAI gives
      event(out, Exchanges.errorBody(e));
    }
  }

  private static void event(OutputStream out, JsonNode data) throws IOException {
    out.write(
        ("data: " + Exchanges.JSON.writeValueAsString(data) + "\n\n")
            .getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
