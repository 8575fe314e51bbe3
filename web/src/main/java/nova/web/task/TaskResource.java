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
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.errors.Outage;
import nova.web.ui.Routes;
import nova.workflows.failures.NotFound;
import nova.workflows.task.TaskAction;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.messages.TaskInput;
import org.jdbi.v3.core.Jdbi;

/** The people's task API: reads from PostgreSQL, actions to the task's workflow. */
@Path(Routes.API + "/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private final TaskCommands commands;
  private final TaskHistory history;
  private final TaskDao tasks;

  public TaskResource(TaskCommands commands, TaskHistory history, Jdbi jdbi) {
    this.commands = commands;
    this.history = history;
    this.tasks = jdbi.onDemand(TaskDao.class);
  }

  @POST
  public Response create(
      @Context Caller caller,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @NotNull @Valid TaskRequests.NewTask body) {
    return Response.status(201).entity(commands.create(caller, body, key)).build();
  }

  /** A page of tasks, newest change first; a full page links to the next one (Link: rel="next"). */
  @GET
  public Response list(
      @Context Caller caller,
      @Context ContainerRequestContext request,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    caller.requireHuman();
    int max = limit(limit, 100, 1000);
    List<TaskDao.Task> page =
        tasks.page(
            status == null || status.isBlank() ? List.of() : statuses(status),
            TaskCursor.decode(cursor),
            max);
    return withNextLink(Response.ok(page), request, page, max).build();
  }

  static int limit(Integer requested, int fallback, int most) {
    int max = requested == null ? fallback : requested;
    if (max < 1 || max > most) throw ApiException.badRequest("limit must be between 1 and " + most);
    return max;
  }

  /**
   * RFC 8288's Link header to the page after a full one: the same query with the cursor moved on.
   */
  static Response.ResponseBuilder withNextLink(
      Response.ResponseBuilder response,
      ContainerRequestContext request,
      List<TaskDao.Task> page,
      int limit) {
    String next = TaskCursor.next(page, limit);
    if (next == null) return response;
    URI uri = request.getUriInfo().getRequestUriBuilder().replaceQueryParam("cursor", next).build();
    return response.header(
        "Link", "<" + uri.getRawPath() + "?" + uri.getRawQuery() + ">; rel=\"next\"");
  }

  @GET
  @Path("{id}")
  public TaskDetail get(@Context Caller caller, @PathParam("id") UUID id) {
    caller.requireHuman();
    return tasks.detail(id);
  }

  @GET
  @Path("{id}/history")
  public Response history(@Context Caller caller, @PathParam("id") UUID id) {
    caller.requireHuman();
    tasks.existing(id);
    return Response.ok(history.jsonOrRefusal(id), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @POST
  @Path("{id}/assign")
  public TaskDetail assign(
      @Context Caller caller,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @PathParam("id") UUID id,
      @NotNull @Valid TaskRequests.Assign body) {
    caller.requireAdmin();
    TaskDao.Task task = tasks.existing(id);
    UUID server = commands.serverIn(task.projectId(), task.projectName(), body.server());
    return act(
        caller,
        id,
        TaskAction.ASSIGN,
        new TaskInput(caller.actor(), server, null, null, false),
        key);
  }

  /** A people's action that carries an optional comment; some need it as feedback. */
  private record Commented(TaskAction action, boolean feedbackRequired) {}

  private static final Map<String, Commented> COMMENTED =
      Map.of(
          "cancel", new Commented(TaskAction.CANCEL, false),
          "plan/approve", new Commented(TaskAction.APPROVE_PLAN, false),
          "plan/revise", new Commented(TaskAction.REVISE_PLAN, true),
          "review/approve", new Commented(TaskAction.APPROVE_REVIEW, false),
          "review/request-changes", new Commented(TaskAction.REQUEST_CHANGES, true));

  /** cancel, plan/approve, plan/revise, review/approve and review/request-changes. */
  @POST
  @Path("{id}/{action: cancel|plan/approve|plan/revise|review/approve|review/request-changes}")
  public TaskDetail commented(
      @Context Caller caller,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @PathParam("id") UUID id,
      @PathParam("action") String path,
      @Valid TaskRequests.Comment body) {
    Commented commented = COMMENTED.get(path);
    return human(caller, id, commented.action(), body, commented.feedbackRequired(), key);
  }

  @POST
  @Path("{id}/interventions/{iid}/respond")
  public TaskDetail respond(
      @Context Caller caller,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @PathParam("id") UUID id,
      @PathParam("iid") UUID interventionId,
      @Valid TaskRequests.Comment body) {
    caller.requireAdmin();
    tasks.existing(id);
    if (tasks.interventions(id).stream().noneMatch(i -> i.id().equals(interventionId)))
      throw new NotFound("intervention", interventionId);
    String answer = required(body, "an answer");
    return act(
        caller,
        id,
        TaskAction.RESPOND,
        new TaskInput(caller.actor(), null, answer, interventionId, false),
        key);
  }

  @POST
  @Path("{id}/notes")
  public TaskDetail note(
      @Context Caller caller,
      @HeaderParam(IDEMPOTENCY_KEY) String key,
      @PathParam("id") UUID id,
      @NotNull @Valid TaskRequests.NewNote body) {
    caller.requireAdmin();
    tasks.existing(id);
    return act(
        caller,
        id,
        TaskAction.ADD_NOTE,
        new TaskInput(
            caller.actor(), null, body.content(), null, Boolean.TRUE.equals(body.urgent())),
        key);
  }

  private TaskDetail human(
      Caller caller,
      UUID id,
      TaskAction action,
      TaskRequests.Comment body,
      boolean textRequired,
      String key) {
    caller.requireAdmin();
    if (textRequired && blank(body))
      tasks.existing(id); // an unknown task is 404 before missing feedback is 400
    String text = textRequired ? required(body, "feedback") : (body == null ? null : body.text());
    // No existence check otherwise: an unknown task has no workflow, and the refusal reads the task
    // and answers 404.
    return act(caller, id, action, TaskInput.human(caller.actor(), text), key);
  }

  private TaskDetail act(Caller caller, UUID id, TaskAction action, TaskInput input, String key) {
    commands.act(caller, id, action, input, key);
    return Outage.afterApplied(() -> tasks.detail(id));
  }

  private static boolean blank(TaskRequests.Comment body) {
    return body == null || body.text() == null || body.text().isBlank();
  }

  static String required(TaskRequests.Comment body, String what) {
    if (blank(body)) {
      throw new ApiException(
          400,
          "invalid request: text is required (" + what + ")",
          Map.of("fields", Map.of("text", "must not be blank")));
    }
    return body.text();
  }

  static List<String> statuses(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(
            s -> {
              try {
                return TaskStatus.fromWire(s).wireName();
              } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(
                    "unknown status '"
                        + s
                        + "'; allowed: "
                        + Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).toList());
              }
            })
        .toList();
  }
}
