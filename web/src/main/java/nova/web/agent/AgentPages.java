package nova.web.agent;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.ui.Html;
import nova.web.ui.PageContext;

/** The Agents page (agents with their models and fallbacks, pods with their sandbox tier) and the Chat page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AgentPages {
  private final Html html;
  private final Agents agents;

  public AgentPages(Html html, Agents agents) {
    this.html = html;
    this.agents = agents;
  }

  @GET
  @Path("agents")
  public Response page(@Context ContainerRequestContext request) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, false, () -> html.page("agent/page.jte", params(caller)));
  }

  @POST
  @Path("agents")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@Context ContainerRequestContext request, @FormParam("name") String name, @FormParam("model") String model,
      @FormParam("fallback_models") String fallbacks, @FormParam("system_prompt") String prompt, @FormParam("pod_id") String podId) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, true, () -> {
      if (name == null || !name.strip().matches(AgentRequests.NAME)) throw nova.web.errors.ApiException.badRequest("name " + AgentRequests.NAME_RULE);
      UUID pod = podId == null || podId.isBlank() ? null : UUID.fromString(podId);
      agents.create(caller, new AgentRequests.NewAgent(name, model, prompt, chain(fallbacks), pod), null);
      return html.page("agent/part/agents.jte", params(caller));
    });
  }

  @POST
  @Path("agents/{id}/config")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response configure(@Context ContainerRequestContext request, @PathParam("id") UUID id, @FormParam("name") String name,
      @FormParam("model") String model, @FormParam("fallback_models") String fallbacks, @FormParam("system_prompt") String prompt) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, true, () -> {
      String newName = name == null || name.isBlank() ? null : name.strip();
      if (newName != null && !newName.matches(AgentRequests.NAME)) throw nova.web.errors.ApiException.badRequest("name " + AgentRequests.NAME_RULE);
      String newModel = model == null || model.isBlank() ? null : model.strip();
      agents.configure(caller, id, new AgentRequests.AgentConfig(newName, newModel, prompt == null ? "" : prompt, chain(fallbacks)), null);
      return html.page("agent/part/agents.jte", params(caller));
    });
  }

  @POST
  @Path("agents/{id}/remove")
  public Response remove(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, true, () -> {
      agents.delete(caller, id, null);
      return html.page("agent/part/agents.jte", params(caller));
    });
  }

  @POST
  @Path("agents/pods")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createPod(@Context ContainerRequestContext request, @FormParam("name") String name, @FormParam("description") String description,
      @FormParam("sandbox_tier") String tier) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, true, () -> {
      if (name == null || !name.strip().matches(AgentRequests.NAME)) throw nova.web.errors.ApiException.badRequest("name " + AgentRequests.NAME_RULE);
      if (tier == null || !Pod.TIERS.contains(tier)) throw nova.web.errors.ApiException.badRequest("sandbox tier must be one of " + String.join(", ", Pod.TIERS));
      agents.createPod(caller, new AgentRequests.NewPod(name, description, tier));
      return html.page("agent/part/agents.jte", params(caller));
    });
  }

  @POST
  @Path("agents/pods/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePod(@Context ContainerRequestContext request, @PathParam("id") UUID id, @FormParam("name") String name,
      @FormParam("description") String description, @FormParam("sandbox_tier") String tier) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, true, () -> {
      if (name == null || !name.strip().matches(AgentRequests.NAME)) throw nova.web.errors.ApiException.badRequest("name " + AgentRequests.NAME_RULE);
      if (tier == null || !Pod.TIERS.contains(tier)) throw nova.web.errors.ApiException.badRequest("sandbox tier must be one of " + String.join(", ", Pod.TIERS));
      agents.changePod(caller, id, new AgentRequests.PodChange(name, description == null ? "" : description, tier));
      return html.page("agent/part/agents.jte", params(caller));
    });
  }

  @POST
  @Path("agents/pods/{id}/remove")
  public Response removePod(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, true, () -> {
      agents.deletePod(caller, id);
      return html.page("agent/part/agents.jte", params(caller));
    });
  }

  @GET
  @Path("chat")
  public Response chat(@Context ContainerRequestContext request) {
    Caller caller = Caller.of(request);
    return html.guarded(caller, false, () -> html.page("agent/chat.jte", Map.of("page", new PageContext("Chat", "chat", caller), "agents", agents.list(caller, null))));
  }

  /** "a, b c" as the form's one field for the chain: commas or spaces between names. */
  private static List<String> chain(String fallbacks) {
    return fallbacks == null ? List.of() : Arrays.stream(fallbacks.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  private Map<String, Object> params(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Agents", "agents", caller));
    params.put("agents", agents.list(caller, null));
    params.put("pods", agents.pods(caller));
    return params;
  }
}
