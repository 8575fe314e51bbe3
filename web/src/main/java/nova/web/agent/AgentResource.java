package nova.web.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.ui.Routes;

/**
 * /api/v1/agents: create, list, get, delete, and PATCH .../config for model, system prompt and
 * fallback models.
 */
@Path(Routes.API + "/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {
  private final Agents agents;

  public AgentResource(Agents agents) {
    this.agents = agents;
  }

  @GET
  public List<Agent> list(@Context Caller caller) {
    return agents.list(caller, null);
  }

  @POST
  public Response create(@Context Caller caller, @NotNull @Valid AgentRequests.NewAgent body) {
    return Response.status(201).entity(agents.create(caller, body, null)).build();
  }

  @GET
  @Path("{id}")
  public Agent get(@Context Caller caller, @PathParam("id") UUID id) {
    return agents.get(caller, id);
  }

  @PATCH
  @Path("{id}/config")
  public Agent configure(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid AgentRequests.AgentConfig body) {
    return agents.configure(caller, id, body, null);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Context Caller caller, @PathParam("id") UUID id) {
    agents.delete(caller, id, null);
    return Response.noContent().build();
  }
}
