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
import java.util.Map;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.ui.Routes;

/** /api/v1/pods: pods with their sandbox tier, and the agents in each. */
@Path(Routes.API + "/pods")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PodResource {
  private final Agents agents;

  public PodResource(Agents agents) {
    this.agents = agents;
  }

  @GET
  public List<Pod> list(@Context Caller caller) {
    return agents.pods(caller);
  }

  @POST
  public Response create(@Context Caller caller, @NotNull @Valid AgentRequests.NewPod body) {
    return Response.status(201).entity(agents.createPod(caller, body)).build();
  }

  /** The pod and its agents. */
  @GET
  @Path("{id}")
  public Map<String, Object> get(@Context Caller caller, @PathParam("id") UUID id) {
    return Map.of("pod", agents.pod(caller, id), "agents", agents.list(caller, id));
  }

  @PATCH
  @Path("{id}")
  public Pod change(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid AgentRequests.PodChange body) {
    return agents.changePod(caller, id, body);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Context Caller caller, @PathParam("id") UUID id) {
    agents.deletePod(caller, id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/agents")
  public List<Agent> agents(@Context Caller caller, @PathParam("id") UUID id) {
    return agents.list(caller, id);
  }

  @POST
  @Path("{id}/agents")
  public Response addAgent(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid AgentRequests.NewAgent body) {
    return Response.status(201).entity(agents.create(caller, body, id)).build();
  }

  @PATCH
  @Path("{id}/agents/{aid}")
  public Agent configure(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @PathParam("aid") UUID aid,
      @NotNull @Valid AgentRequests.AgentConfig body) {
    return agents.configure(caller, aid, body, id);
  }

  @DELETE
  @Path("{id}/agents/{aid}")
  public Response removeAgent(
      @Context Caller caller, @PathParam("id") UUID id, @PathParam("aid") UUID aid) {
    agents.delete(caller, aid, id);
    return Response.noContent().build();
  }
}
