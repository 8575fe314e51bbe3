package nova.web.memory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.activities.memory.MemoryServices;
import nova.web.auth.Caller;
import nova.web.platform.TemporalWebUi;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;
import nova.workflows.failures.NotFound;
import nova.workflows.memory.MemoryReembedWorkflow;
import nova.workflows.memory.messages.MemoryHits;
import nova.workflows.memory.messages.MemoryQuery;

/**
 * The Memory page: search with each hit's ranks, recent memories, deleting one, and the embedding
 * model with its switch.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class MemoryPages {
  static final int SHOWN = 20;
  private final Html html;
  private final MemoryServices memory;
  private final ModelSwitchCommands switches;
  private final String switchRuns;

  public MemoryPages(
      Html html, MemoryServices memory, ModelSwitchCommands switches, TemporalWebUi webUi) {
    this.html = html;
    this.switchRuns = webUi.workflow(MemoryReembedWorkflow.WORKFLOW_ID).orElse(null);
    this.memory = memory;
    this.switches = switches;
  }

  @GET
  @Path(Routes.MEMORIES)
  public Response page(
      @Context Caller caller,
      @QueryParam("q") String q,
      @QueryParam("mode") String mode,
      @QueryParam("scope") String scope) {
    return html.guarded(
        caller,
        false,
        () -> {
          caller.requireHuman();
          Map<String, Object> params = resultParams(caller, q, mode, scope);
          params.put("stats", memory.stats());
          params.put("switchRuns", switchRuns);
          return html.page("memory/page.jte", params);
        });
  }

  @GET
  @Path(Routes.MEMORY_RESULTS)
  public Response results(
      @Context Caller caller,
      @QueryParam("q") String q,
      @QueryParam("mode") String mode,
      @QueryParam("scope") String scope) {
    return html.guarded(
        caller,
        true,
        () -> {
          caller.requireHuman();
          return html.page("memory/part/results.jte", resultParams(caller, q, mode, scope));
        });
  }

  @GET
  @Path(Routes.MEMORY_MODEL)
  public Response model(@Context Caller caller) {
    return html.guarded(
        caller,
        true,
        () -> {
          caller.requireHuman();
          return html.page("memory/part/model.jte", modelParams(caller));
        });
  }

  @POST
  @Path(Routes.MEMORY_SWITCH)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response startSwitch(@Context Caller caller, @FormParam("model") String model) {
    return html.changed(
        caller, admin -> switches.start(admin, model), "memory/part/model.jte", this::modelParams);
  }

  @POST
  @Path(Routes.MEMORY_SWITCH_CANCEL)
  public Response cancelSwitch(@Context Caller caller) {
    return html.changed(caller, switches::cancel, "memory/part/model.jte", this::modelParams);
  }

  /** Answers with nothing, so the deleted memory's row goes from the page. */
  @POST
  @Path(Routes.MEMORY_DELETE)
  public Response delete(@Context Caller caller, @PathParam("id") UUID id) {
    return html.guarded(
        caller,
        true,
        () -> {
          caller.requireAdmin();
          if (!memory.delete(id)) throw new NotFound("memory", id);
          return Response.ok("", MediaType.TEXT_HTML_TYPE).build();
        });
  }

  private Map<String, Object> resultParams(Caller caller, String q, String mode, String scope) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Memory", "memory", caller));
    boolean asked = q != null && !q.isBlank();
    params.put("q", asked ? q.strip() : "");
    params.put("mode", mode == null || mode.isBlank() ? "hybrid" : mode);
    params.put("scope", scope == null ? "" : scope.strip());
    List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.strip());
    params.put(
        "hits",
        asked
            ? MemoryResource.checked(
                () -> memory.search(new MemoryQuery(q, mode, scopes, null, SHOWN)))
            : null);
    params.put(
        "recent", asked ? List.of() : MemoryResource.checked(() -> memory.list(scope, SHOWN, 0)));
    return params;
  }

  private Map<String, Object> modelParams(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Memory", "memory", caller));
    params.put("stats", memory.stats());
    params.put("switchRuns", switchRuns);
    return params;
  }

  /**
   * A hit's score as a share of the best one possible in its mode (first in each list searched),
   * for its bar.
   */
  public static double scoreShare(MemoryHits hits, double score) {
    double best = (hits.mode().equals("hybrid") ? 2.0 : 1.0) / (MemoryServices.RRF_K + 1);
    return Math.min(1.0, score / best);
  }
}
