package nova.conductor.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import nova.conductor.route.RouteFailure;

/**
 * Reading and answering exchanges, with errors in OpenAI's shape: {"error": {"message", "type",
 * "param", "code"}}.
 */
final class Exchanges {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY = 32 * 1024 * 1024;

  private Exchanges() {}

  static JsonNode body(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY)
      throw new RouteFailure(
          413,
          "invalid_request_error",
          "the request body is over " + MAX_BODY / (1024 * 1024) + " MiB");
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject())
        throw RouteFailure.badRequest("the body must be a JSON object");
      return node;
    } catch (JacksonException e) {
      throw RouteFailure.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static void requireMethod(HttpExchange exchange, String method) {
    if (!exchange.getRequestMethod().equals(method)) {
      exchange.getResponseHeaders().set("Allow", method);
      throw new RouteFailure(
          405,
          "invalid_request_error",
          exchange.getRequestURI().getPath()
              + " takes "
              + method
              + ", not "
              + exchange.getRequestMethod());
    }
  }

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static void error(HttpExchange exchange, RouteFailure failure) throws IOException {
    json(exchange, failure.status(), errorBody(failure));
  }

  /** The error as OpenAI shapes it, for a plain answer or as a stream's last event. */
  static ObjectNode errorBody(RouteFailure failure) {
    ObjectNode error = JSON.createObjectNode();
    error
        .putObject("error")
        .put("message", failure.getMessage())
        .put("type", failure.type())
        .putNull("param")
        .put("code", failure.status());
    return error;
  }

  /**
   * Runs a handler, answering its RouteFailure (or an unexpected error, as a 500) in OpenAI's
   * shape.
   */
  static void guarded(HttpExchange exchange, Handler handler) throws IOException {
    try {
      handler.handle(exchange);
    } catch (RouteFailure e) {
      error(exchange, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  interface Handler {
    void handle(HttpExchange exchange) throws IOException, InterruptedException;
  }
}
