package nova.web.agent;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;

/**
 * The Agents page (agents with their models and fallbacks, pods with their sandbox tier) and the
 * Chat page.
 */
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
  @Path(Routes.AGENTS)
  public Response page(@Context Caller caller) {
    return html.guarded(caller, false, () -> html.page("agent/page.jte", params(caller)));
  }

  @POST
  @Path(Routes.AGENTS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @Context Caller caller,
      @FormParam("name") String name,
      @FormParam("model") String model,
      @FormParam("fallback_models") String fallbacks,
      @FormParam("system_prompt") String prompt,
      @FormParam("pod_id") String podId) {
    return act(
        caller,
        admin ->
            agents.create(
                admin,
                new AgentRequests.NewAgent(
                    checkName(name), model, prompt, Html.names(fallbacks), pod(podId)),
                null));
  }

  @POST
  @Path(Routes.AGENT_CONFIG)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response configure(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @FormParam("name") String name,
      @FormParam("model") String model,
      @FormParam("fallback_models") String fallbacks,
      @FormParam("system_prompt") String prompt) {
    return act(
        caller,
        admin -> {
          // the Nova agent's form has no name field: its name stays
          String newName = name == null || name.isBlank() ? null : checkName(name);
          String newModel = model == null || model.isBlank() ? null : model.strip();
          agents.configure(
              admin,
              id,
              new AgentRequests.AgentConfig(
                  newName, newModel, prompt == null ? "" : prompt, Html.names(fallbacks)),
              null);
        });
  }

  @POST
  @Path(Routes.AGENT_REMOVE)
  public Response remove(@Context Caller caller, @PathParam("id") UUID id) {
    return act(caller, admin -> agents.delete(admin, id, null));
  }

  @POST
  @Path(Routes.PODS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createPod(
      @Context Caller caller,
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("sandbox_tier") String tier) {
    return act(
        caller,
        admin ->
            agents.createPod(
                admin, new AgentRequests.NewPod(checkName(name), description, checkTier(tier))));
  }

  @POST
  @Path(Routes.POD)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePod(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @FormParam("name") String name,
      @FormParam("description") String description,
      @FormParam("sandbox_tier") String tier) {
    return act(
        caller,
        admin ->
            agents.changePod(
                admin,
                id,
                new AgentRequests.PodChange(
                    checkName(name), description == null ? "" : description, checkTier(tier))));
  }

  @POST
  @Path(Routes.POD_REMOVE)
  public Response removePod(@Context Caller caller, @PathParam("id") UUID id) {
    return act(caller, admin -> agents.deletePod(admin, id));
  }

  @GET
  @Path(Routes.CHAT)
  public Response chat(@Context Caller caller) {
    return html.guarded(
        caller,
        false,
        () ->
            html.page(
                "agent/chat.jte",
                Map.of(
                    "page",
                    new PageContext("Chat", "chat", caller),
                    "agents",
                    agents.list(caller, null))));
  }

  private Response act(Caller caller, Consumer<Caller> change) {
    return html.changed(caller, change, "agent/part/agents.jte", this::params);
  }

  private static String checkName(String name) {
    if (name == null || !name.strip().matches(AgentRequests.NAME))
      throw ApiException.badRequest("name " + AgentRequests.NAME_RULE);
    return name.strip();
  }

  private static String checkTier(String tier) {
    if (tier == null || !Pod.TIERS.contains(tier))
      throw ApiException.badRequest("sandbox tier must be one of " + String.join(", ", Pod.TIERS));
    return tier;
  }

  private static UUID pod(String podId) {
    if (podId == null || podId.isBlank()) return null;
    try {
      return UUID.fromString(podId.strip());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "pod_id must be a pod's id, or empty for none; was '" + podId + "'");
    }
  }

  private Map<String, Object> params(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Agents", "agents", caller));
    params.put("agents", agents.list(caller, null));
    params.put("pods", agents.pods(caller));
    return params;
  }
}
