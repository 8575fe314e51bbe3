package nova.web.memory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import nova.activities.memory.MemoryServices;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.ui.Routes;
import nova.workflows.memory.messages.ReembedStatus;

/**
 * /api/v1/memories/models: the embedding models, the recent switches, and starting or cancelling
 * one.
 */
@Path(Routes.API + "/memories/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemoryModelResource {
  private final ModelSwitchCommands commands;
  private final MemoryServices memory;

  public MemoryModelResource(ModelSwitchCommands commands, MemoryServices memory) {
    this.commands = commands;
    this.memory = memory;
  }

  public record SwitchRequest(String model) {}

  /** A switch as its workflow sees it, with the phase by its wire name. */
  public record SwitchState(
      String switchId,
      String model,
      String phase,
      long embedded,
      String cancelledBy,
      String reason) {
    static SwitchState of(ReembedStatus s) {
      return new SwitchState(
          s.switchId(), s.model(), s.phase().wireName(), s.embedded(), s.cancelledBy(), s.reason());
    }
  }

  @GET
  public Map<String, Object> models(@Context Caller caller) {
    caller.requireHuman();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("models", memory.stats().models());
    out.put("switches", memory.recentSwitches(20));
    return out;
  }

  @POST
  @Path("switch")
  public Response start(@Context Caller caller, SwitchRequest body) {
    caller.requireAdmin();
    if (body == null)
      throw ApiException.badRequest(
          "send {model}: the embedding model to switch to, such as local/all-minilm-l6-v2 or"
              + " provider/model");
    return Response.status(202)
        .entity(SwitchState.of(commands.start(caller, body.model())))
        .build();
  }

  @POST
  @Path("switch/cancel")
  public SwitchState cancel(@Context Caller caller) {
    return SwitchState.of(commands.cancel(caller));
  }
}
