package nova.conductor.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import nova.conductor.Conductor;
import nova.conductor.config.ConfigException;
import nova.conductor.fleet.FleetException;
import nova.conductor.route.RouteFailure;

/**
 * POST /admin/deploy {model_config, allocation, instance_model_name}, /admin/scale {allocation} and
 * /admin/drain {node}. Each answers with the status once done: deploy and scale when the new agents
 * are ready, drain when the agent has finished its work and exited. Each needs the admin token
 * (Authorization: Bearer ...); without one configured the admin API is off.
 */
final class Admin implements HttpHandler {
  private final Conductor conductor;
  private final byte[] expected;

  Admin(Conductor conductor, String adminToken) {
    this.conductor = conductor;
    this.expected =
        adminToken == null || adminToken.isBlank()
            ? null
            : ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Exchanges.guarded(
        exchange,
        ex -> {
          requireToken(ex);
          Exchanges.requireMethod(ex, "POST");
          JsonNode body = Exchanges.body(ex);
          try {
            switch (ex.getRequestURI().getPath()) {
              case "/admin/deploy" ->
                  conductor.deploy(
                      field(body, "model_config"),
                      field(body, "allocation"),
                      body.path("instance_model_name").asText(conductor.deployment().instance()));
              case "/admin/scale" -> conductor.scale(field(body, "allocation"));
              case "/admin/drain" -> drain(field(body, "node"));
              default ->
                  throw new RouteFailure(
                      404,
                      "invalid_request_error",
                      "no such admin action; use /admin/deploy, /admin/scale or /admin/drain");
            }
          } catch (ConfigException e) {
            throw RouteFailure.badRequest(e.getMessage());
          } catch (FleetException e) {
            throw new RouteFailure(409, "conflict", e.getMessage());
          }
          Exchanges.json(ex, 200, Status.of(conductor));
        });
  }

  /** Deploy, scale and drain change what runs: only the holder of the admin token may ask. */
  private void requireToken(HttpExchange exchange) {
    if (expected == null) {
      throw new RouteFailure(
          403,
          "permission_error",
          "the admin API is off: start the conductor with NOVA_CONDUCTOR_ADMIN_TOKEN set");
    }
    String sent = exchange.getRequestHeaders().getFirst("Authorization");
    if (sent == null || !MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
      throw new RouteFailure(
          401,
          "authentication_error",
          "send the conductor's admin token as Authorization: Bearer <NOVA_CONDUCTOR_ADMIN_TOKEN>");
    }
  }

  private void drain(String node) throws InterruptedException {
    CompletableFuture<Void> done =
        conductor
            .drain(node)
            .orElseThrow(
                () ->
                    new RouteFailure(
                        404,
                        "invalid_request_error",
                        "no agent runs on '" + node + "'; see /status for the agents"));
    try {
      done.get();
    } catch (ExecutionException e) {
      throw new RouteFailure(
          409, "conflict", "draining " + node + " failed: " + e.getCause().getMessage());
    }
  }

  private static String field(JsonNode body, String name) {
    JsonNode n = body.path(name);
    if (!n.isTextual() || n.asText().isBlank())
      throw RouteFailure.badRequest("'" + name + "' is required and must be a string");
    return n.asText();
  }
}
