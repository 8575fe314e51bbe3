package nova.conductor.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Locale;
import nova.conductor.Conductor;
import nova.conductor.Deployment;
import nova.conductor.fleet.Agent;

/**
 * GET /status: the deployment and every agent (state, load, adapters, restarts); 503 while no
 * serving agent is ready.
 */
final class Status implements HttpHandler {
  private final Conductor conductor;

  Status(Conductor conductor) {
    this.conductor = conductor;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Exchanges.guarded(
        exchange,
        ex -> {
          Exchanges.requireMethod(ex, "GET");
          Exchanges.json(ex, serving() ? 200 : 503, of(conductor));
        });
  }

  private boolean serving() {
    return conductor.fleet().group(conductor.deployment().servingGroup()).stream()
        .anyMatch(Agent::ready);
  }

  static ObjectNode of(Conductor conductor) {
    Deployment d = conductor.deployment();
    ObjectNode status =
        Exchanges.JSON
            .createObjectNode()
            .put("instance", d.instance())
            .put("model", d.model().name())
            .put("kind", d.model().kind().wire())
            .put("model_config", d.modelFile())
            .put("allocation", d.allocation().text())
            .put("lora", d.model().lora().mode().name().toLowerCase(Locale.ROOT));
    ArrayNode agents = status.putArray("agents");
    for (Agent a : conductor.fleet().agents()) {
      ObjectNode row =
          agents
              .addObject()
              .put("node", a.spec().node())
              .put("role", a.spec().role().name())
              .put("group", a.spec().group())
              .put("state", a.state().wire())
              .put("pid", a.pid())
              .put("in_flight", a.inFlight())
              .put("completed", a.completed())
              .put("restarts", a.restarts())
              .put("heartbeat_age_ms", a.millisSinceHeartbeat())
              .put("last_error", a.lastError());
      a.adapters().forEach(row.putArray("adapters")::add);
    }
    return status;
  }
}
