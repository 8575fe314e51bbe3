package nova.web.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nova.activities.store.TaskStoreServices;
import nova.web.ui.Routes;

/**
 * /health/live (the process answers) and /health/ready: each part (PostgreSQL, Redis, Temporal and
 * this server's Temporal workers), down since when and why, and the task changes still waiting to
 * be stored. The admin app's banner reads it too.
 */
@Path(Routes.HEALTH)
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
  private final Parts parts;
  private final BooleanSupplier workersStarted;
  private final TaskStoreServices backlog;

  public HealthResource(Parts parts, BooleanSupplier workersStarted, TaskStoreServices backlog) {
    this.parts = parts;
    this.workersStarted = workersStarted;
    this.backlog = backlog;
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
    List<Map<String, Object>> down = new ArrayList<>();
    for (Parts.State part : parts.states()) {
      checks.put(part.name(), part.up() ? "up" : "down: " + part.error());
      if (!part.up())
        down.add(
            Map.of("part", part.name(), "since", part.since().toString(), "error", part.error()));
    }
    boolean workers = workersStarted.getAsBoolean();
    checks.put("workers", workers ? "up" : "down: waiting for Temporal to answer");
    if (!workers && parts.isUp("temporal"))
      down.add(Map.of("part", "workers", "since", "", "error", "starting"));
    List<Map<String, Object>> waiting =
        backlog.waiting().stream()
            .map(
                w ->
                    Map.<String, Object>of(
                        "task_id",
                        w.taskId().toString(),
                        "seq",
                        w.seq(),
                        "since",
                        w.since().toString(),
                        "attempts",
                        w.attempts(),
                        "error",
                        w.error()))
            .toList();
    boolean ready = down.isEmpty() && workers;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "ready" : "not ready");
    body.put("checks", checks);
    body.put("down", down);
    body.put("projections_waiting", waiting);
    return Response.status(ready ? 200 : 503).entity(body).build();
  }
}
