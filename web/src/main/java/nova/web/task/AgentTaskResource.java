package nova.web.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.errors.Outage;
import nova.web.ui.Routes;
import nova.workflows.failures.NotPermitted;
import nova.workflows.task.TaskAction;
import nova.workflows.task.messages.TaskInput;
import org.jdbi.v3.core.Jdbi;

/** The agents' task API: an agent key acts only on tasks assigned to its own server. */
@Path(Routes.SERVER_API + "/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentTaskResource {
  private final TaskCommands commands;
  private final TaskDao tasks;

  public AgentTaskResource(TaskCommands commands, Jdbi jdbi) {
    this.commands = commands;
    this.tasks = jdbi.onDemand(TaskDao.class);
  }

  /**
   * A page of this server's tasks, newest change first; a full page links to the next (Link:
   * rel="next").
   */
  @GET
  public Response mine(
      @Context Caller caller,
      @Context ContainerRequestContext request,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Caller agent = caller.requireAgent();
    int max = TaskResource.limit(limit, 200, 1000);
    List<TaskDao.Task> page = tasks.forServer(agent.serverId(), TaskCursor.decode(cursor), max);
    return TaskResource.withNextLink(Response.ok(page), request, page, max).build();
  }

  @GET
  @Path("{id}")
  public TaskDetail get(@Context Caller caller, @PathParam("id") UUID id) {
    Caller agent = caller.requireAgent();
    TaskDetail detail = tasks.detail(id);
    requireOwner(agent, detail.task());
    return detail;
  }

  /** An agent's step on its task, and the text it must carry, if any. */
  private record Step(TaskAction action, String requiredText) {}

  private static final Map<String, Step> STEPS =
      Map.of(
          "start", new Step(TaskAction.START, null),
          "plan", new Step(TaskAction.SUBMIT_PLAN, "the plan"),
          "help", new Step(TaskAction.REQUEST_HELP, "the question for a person"),
          "submit", new Step(TaskAction.SUBMIT_FOR_REVIEW, null),
          "complete", new Step(TaskAction.COMPLETE, null),
          "fail", new Step(TaskAction.FAIL, "the reason"));

  /** start, plan, help, submit, complete and fail. */
  @POST
  @Path("{id}/{action: start|plan|help|submit|complete|fail}")
  public TaskDetail step(
      @Context Caller caller,
      @HeaderParam(TaskResource.IDEMPOTENCY_KEY) String key,
      @PathParam("id") UUID id,
      @PathParam("action") String path,
      @Valid TaskRequests.AgentText body) {
    Step step = STEPS.get(path);
    return act(caller, id, step.action(), body, step.requiredText(), key);
  }

  @POST
  @Path("{id}/notes")
  public TaskDetail note(
      @Context Caller caller,
      @HeaderParam(TaskResource.IDEMPOTENCY_KEY) String key,
      @PathParam("id") UUID id,
      @NotNull @Valid TaskRequests.NewNote body) {
    Caller agent = caller.requireAgent();
    own(agent, id);
    commands.act(
        agent,
        id,
        TaskAction.ADD_NOTE,
        new TaskInput(
            agent.actor(),
            agent.serverId(),
            body.content(),
            null,
            Boolean.TRUE.equals(body.urgent())),
        key);
    return Outage.afterApplied(() -> tasks.detail(id));
  }

  private TaskDetail act(
      Caller caller,
      UUID id,
      TaskAction action,
      TaskRequests.AgentText body,
      String requiredText,
      String key) {
    Caller agent = caller.requireAgent();
    own(agent, id);
    String text = body == null ? null : body.text();
    if (requiredText != null && (text == null || text.isBlank())) {
      throw new ApiException(
          400,
          "invalid request: text is required (" + requiredText + ")",
          Map.of("fields", Map.of("text", "must not be blank")));
    }
    commands.act(agent, id, action, TaskInput.agent(agent.actor(), agent.serverId(), text), key);
    return Outage.afterApplied(() -> tasks.detail(id));
  }

  private void own(Caller agent, UUID id) {
    requireOwner(agent, tasks.existing(id));
  }

  private static void requireOwner(Caller agent, TaskDao.Task task) {
    if (!agent.serverId().equals(task.serverId())) {
      throw new NotPermitted("task " + task.id() + " is not assigned to this server");
    }
  }
}
