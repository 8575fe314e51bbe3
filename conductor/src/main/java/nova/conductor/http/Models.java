package nova.conductor.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import nova.conductor.Conductor;
import nova.conductor.Deployment;
import nova.conductor.config.ModelConfig;

/** GET /openai/v1/models: the instance, and each LoRA adapter as a model of its own. */
final class Models implements HttpHandler {
  private final Conductor conductor;

  Models(Conductor conductor) {
    this.conductor = conductor;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Exchanges.guarded(
        exchange,
        ex -> {
          Exchanges.requireMethod(ex, "GET");
          Deployment d = conductor.deployment();
          ObjectNode list = Exchanges.JSON.createObjectNode().put("object", "list");
          ArrayNode data = list.putArray("data");
          data.addObject()
              .put("id", d.instance())
              .put("object", "model")
              .put("owned_by", "nova-conductor")
              .put("context_window", d.model().maxContext());
          for (ModelConfig.Adapter a : d.model().lora().adapters()) {
            data.addObject()
                .put("id", a.name())
                .put("object", "model")
                .put("owned_by", "nova-conductor")
                .put("parent", d.instance())
                .put("context_window", d.model().maxContext());
          }
          Exchanges.json(ex, 200, list);
        });
  }
}
