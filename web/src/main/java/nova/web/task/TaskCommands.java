package nova.web.task;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.errors.RejectionMessage;
import nova.web.project.ProjectDao;
import nova.web.project.Projects;
import nova.workflows.task.TaskAction;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.TaskWorkflow;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskSnapshot;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends task actions to their workflows. An Idempotency-Key becomes the Update id (or, for a
 * create, the task id), so Temporal applies a repeated request once and answers it again.
 */
public final class TaskCommands {
  private final WorkflowClient client;
  private final Projects projects;
  private final TaskQueries tasks;
  private final long remindAfterSeconds;

  public TaskCommands(WorkflowClient client, Projects projects, Jdbi jdbi, long remindAfterSeconds) {
    this.client = client;
    this.projects = projects;
    this.tasks = jdbi.onDemand(TaskQueries.class);
    this.remindAfterSeconds = remindAfterSeconds;
  }

  public TaskQueries.Task create(Caller caller, TaskRequests.NewTask request, String idempotencyKey) {
    caller.requireAdmin();
    ProjectDao.Project project = projects.project(request.project());
    UUID serverId = request.server() == null || request.server().isBlank() ? null : serverIn(project.id(), project.name(), request.server());
    UUID taskId = idempotencyKey == null ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes(("task|" + caller.actor() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    TaskStart start = new TaskStart(taskId, project.id(), request.title().trim(), request.spec(), serverId,
        project.requirePlanApproval(), remindAfterSeconds, caller.actor());
    TaskWorkflow workflow = client.newWorkflowStub(TaskWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(TaskWorkflow.workflowId(taskId))
        .setTaskQueue(TaskWorkflow.TASK_QUEUE)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(workflow::run, start);
    } catch (WorkflowExecutionAlreadyStarted repeated) {
      if (idempotencyKey == null) throw repeated;
    }
    try {
      // A repeat waits here too: the first request may have died before the workflow stored the task
      // and took its first step (the assignment), and its answer must not show a task half made.
      update(taskId, TaskWorkflow.READY, UUID.randomUUID().toString());
    } catch (WorkflowException ended) {
      // A repeat whose task has finished since: it is answered with the task the first request made.
      if (idempotencyKey == null) throw ended;
    }
    return tasks.task(taskId).orElseThrow();
  }

  /** The server's id, if it belongs to the task's project. */
  public UUID serverIn(UUID projectId, String projectName, String serverRef) {
    ProjectDao.Server server = projects.server(serverRef, projectId);
    if (!server.projectId().equals(projectId)) {
      throw ApiException.badRequest("server '" + server.name() + "' belongs to another project; pick a server of project '" + projectName + "'");
    }
    return server.id();
  }

  /** Applies an action, or refuses it with 409 naming the task's state and the actions allowed now. */
  public TaskSnapshot act(Caller caller, UUID taskId, TaskAction action, TaskInput input, String idempotencyKey) {
    String updateId = idempotencyKey == null ? UUID.randomUUID().toString()
        : "idem|" + caller.actor() + "|" + action.wireName() + "|" + idempotencyKey;
    try {
      return update(taskId, action.updateName(), updateId, input);
    } catch (WorkflowUpdateException refused) {
      throw rejected(caller, taskId, refused);
    } catch (WorkflowNotFoundException | WorkflowServiceException finished) {
      throw rejected(caller, taskId, finished);
    }
  }

  private TaskSnapshot update(UUID taskId, String name, String updateId, Object... args) {
    WorkflowStub stub = client.newUntypedWorkflowStub(TaskWorkflow.workflowId(taskId));
    UpdateOptions<TaskSnapshot> options = UpdateOptions.newBuilder(TaskSnapshot.class)
        .setUpdateName(name).setUpdateId(updateId).setWaitForStage(WorkflowUpdateStage.COMPLETED).build();
    return stub.startUpdate(options, args).getResult();
  }

  private ApiException rejected(Caller caller, UUID taskId, WorkflowException cause) {
    TaskQueries.Task task = tasks.task(taskId).orElseThrow(() -> ApiException.notFound("task", taskId));
    TaskStatus status = TaskStatus.fromWire(task.status());
    var allowed = TaskAction.allowedIn(status).stream()
        .filter(a -> a.actor() == TaskAction.Actor.ANY || (a.actor() == TaskAction.Actor.AGENT) == (caller.serverId() != null))
        .map(TaskAction::wireName).toList();
    String reason = status.isFinal() ? "the task is " + status.wireName() + " and takes no more actions" : RejectionMessage.of(cause, "the task refused this action in its current state");
    return ApiException.conflict(reason, Map.of("status", status.wireName(), "allowed_actions", allowed));
  }
}
