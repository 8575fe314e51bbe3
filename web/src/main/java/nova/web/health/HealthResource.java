package nova.web.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** /health/live (the process answers) and /health/ready (PostgreSQL, Redis and Temporal answer). */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  private final Map<String, BooleanSupplier> dependencies;

  public HealthResource(Map<String, BooleanSupplier> dependencies) {
    this.dependencies = dependencies;
  }

  @GET
  @Path("live")
  public Map<String, String> live() {
    return Map.of("status", "ok");
  }

  @GET
  @Path("ready")
  public Response ready() {
    Map<String, String> checks = new LinkedHashMap<>();
    boolean allUp = true;
    for (var dependency : dependencies.entrySet()) {
      String state;
      try {
        state = dependency.getValue().getAsBoolean() ? "up" : "down";
      } catch (RuntimeException e) {
        state = "down: " + e.getMessage();
      }
      allUp &= state.equals("up");
      checks.put(dependency.getKey(), state);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", allUp ? "ready" : "not ready");
    body.put("checks", checks);
    return Response.status(allUp ? 200 : 503).entity(body).build();
  }
}
