package nova.web.task;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.project.ProjectDao;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;
import nova.workflows.task.TaskAction;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.messages.TaskInput;
import org.jdbi.v3.core.Jdbi;

/** The board and the task page of the admin app; actions go to the workflow like the API's. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class TaskPages {
  private final Html html;
  private final TaskDao tasks;
  private final ProjectDao projectDao;
  private final TaskCommands commands;
  private final TaskHistory history;

  public TaskPages(Html html, Jdbi jdbi, TaskCommands commands, TaskHistory history) {
    this.html = html;
    this.tasks = jdbi.onDemand(TaskDao.class);
    this.projectDao = jdbi.onDemand(ProjectDao.class);
    this.commands = commands;
    this.history = history;
  }

  /** A board column: the newest tasks of one status, and how many have it in all. */
  public record Column(String status, List<TaskDao.Task> tasks, long total) {
    public boolean truncated() {
      return total > tasks.size();
    }
  }

  static final int BOARD_COLUMN_LIMIT = 100;

  @GET
  public Response board(@Context Caller caller) {
    return html.guarded(
        caller,
        false,
        () -> {
          Map<String, Object> params = new HashMap<>();
          params.put("page", new PageContext("Board", "board", caller));
          params.put("columns", columns());
          params.put("projects", projectDao.projects());
          params.put("servers", projectDao.servers());
          return html.page("board/page.jte", params);
        });
  }

  @GET
  @Path(Routes.BOARD_COLUMNS)
  public Response boardColumns(@Context Caller caller) {
    return html.guarded(
        caller, true, () -> html.page("board/part/columns.jte", Map.of("columns", columns())));
  }

  @POST
  @Path(Routes.TASKS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(
      @Context Caller caller,
      @FormParam("title") String title,
      @FormParam("spec") String spec,
      @FormParam("project") String project,
      @FormParam("server") String server) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (title == null
              || title.isBlank()
              || spec == null
              || spec.isBlank()
              || project == null
              || project.isBlank()) {
            throw ApiException.badRequest("a task needs a title, a spec and a project");
          }
          var task =
              commands.create(caller, new TaskRequests.NewTask(title, spec, project, server), null);
          return Response.ok().header("HX-Redirect", Routes.task(task.id())).build();
        });
  }

  @GET
  @Path(Routes.TASK)
  public Response task(@Context Caller caller, @PathParam("id") UUID id) {
    return html.guarded(
        caller,
        false,
        () -> {
          Map<String, Object> params = new HashMap<>();
          TaskPageModel model = model(id);
          params.put("page", new PageContext(model.detail().task().title(), "board", caller));
          params.put("m", model);
          return html.page("task/page.jte", params);
        });
  }

  @GET
  @Path(Routes.TASK_MAIN)
  public Response taskMain(@Context Caller caller, @PathParam("id") UUID id) {
    return html.guarded(caller, true, () -> main(caller, id));
  }

  @POST
  @Path(Routes.TASK_ACTION)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response act(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @PathParam("action") String actionName,
      @FormParam("text") String text,
      @FormParam("intervention") String interventionId,
      @FormParam("server") String server) {
    return html.guarded(
        caller,
        true,
        () -> {
          caller.requireAdmin();
          TaskAction action = humanAction(actionName);
          UUID intervention =
              interventionId == null || interventionId.isBlank() ? null : uuid(interventionId);
          boolean needsText =
              action == TaskAction.REVISE_PLAN
                  || action == TaskAction.REQUEST_CHANGES
                  || action == TaskAction.RESPOND
                  || action == TaskAction.ADD_NOTE;
          if (needsText && (text == null || text.isBlank())) {
            throw ApiException.badRequest(
                "please write "
                    + switch (action) {
                      case RESPOND -> "an answer";
                      case ADD_NOTE -> "the note";
                      default -> "what should change";
                    });
          }
          UUID serverId = null;
          if (action == TaskAction.ASSIGN) {
            if (server == null || server.isBlank())
              throw ApiException.badRequest("pick a server to assign the task to");
            TaskDao.Task task = tasks.existing(id);
            serverId = commands.serverIn(task.projectId(), task.projectName(), server);
          }
          commands.act(
              caller,
              id,
              action,
              new TaskInput(caller.actor(), serverId, blankToNull(text), intervention, false),
              null);
          return main(caller, id);
        });
  }

  private Response main(Caller caller, UUID id) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("", "board", caller));
    params.put("m", model(id));
    return html.page("task/part/main.jte", params);
  }

  private TaskPageModel model(UUID id) {
    TaskDetail detail = tasks.detail(id);
    TaskHistory.LatestRun run = new TaskHistory.LatestRun("", List.of(), null);
    String error = null;
    try {
      run = history.latest(id);
    } catch (RuntimeException e) {
      error = "Temporal did not answer: " + e.getMessage();
    }
    var servers =
        projectDao.servers().stream()
            .filter(s -> s.projectId().equals(detail.task().projectId()))
            .toList();
    return new TaskPageModel(
        detail,
        TaskPageModel.humanActions(detail),
        TaskPageModel.lifecycle(detail),
        servers,
        run.lines(),
        error,
        run.webUiLink());
  }

  private List<Column> columns() {
    List<String> statuses = Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).toList();
    var newest = tasks.newestOfEach(statuses, BOARD_COLUMN_LIMIT);
    var totals = tasks.countsByStatus();
    return statuses.stream()
        .map(
            s ->
                new Column(
                    s,
                    newest.stream().filter(t -> t.status().equals(s)).toList(),
                    totals.getOrDefault(s, 0L)))
        .toList();
  }

  private static TaskAction humanAction(String name) {
    return Arrays.stream(TaskAction.values())
        .filter(a -> a.actor() != TaskAction.Actor.AGENT && a.wireName().equals(name))
        .findFirst()
        .orElseThrow(() -> ApiException.badRequest("unknown action '" + name + "'"));
  }

  private static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("'" + value + "' is not an intervention id");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
