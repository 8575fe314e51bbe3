package nova.web.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.activities.llm.gateway.LlmServices;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.ui.Routes;
import nova.workflows.failures.NotFound;

/**
 * The audit of workflows' model calls: GET /api/v1/llm-calls?workflow_id=W lists a workflow's
 * calls; GET /api/v1/llm-calls/{id} shows one with its prompt and answer. Admins only, since
 * prompts may hold anything a task was given.
 */
@Path(Routes.API + "/llm-calls")
@Produces(MediaType.APPLICATION_JSON)
public class LlmCallResource {
  private final LlmServices calls;

  LlmCallResource(LlmServices calls) {
    this.calls = calls;
  }

  @GET
  public Map<String, List<ObjectNode>> ofWorkflow(
      @Context Caller caller, @QueryParam("workflow_id") String workflowId) {
    caller.requireAdmin();
    if (workflowId == null || workflowId.isBlank()) {
      throw new ApiException(
          400,
          "workflow_id is required: the id of the workflow whose model calls to list",
          Map.of("field", "workflow_id"));
    }
    return Map.of("calls", calls.calls(workflowId.strip()));
  }

  @GET
  @Path("/{id}")
  public ObjectNode one(@Context Caller caller, @PathParam("id") UUID id) {
    caller.requireAdmin();
    return calls.call(id).orElseThrow(() -> new NotFound("model call", id));
  }
}
