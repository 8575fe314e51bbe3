package nova.web.task;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.update.v1.UpdateRef;
import io.temporal.api.update.v1.WaitPolicy;
import io.temporal.api.workflowservice.v1.PollWorkflowExecutionUpdateRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.workflow.Functions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.errors.Outage;
import nova.web.errors.RejectionMessage;
import nova.web.health.Parts;
import nova.web.platform.Temporal;
import nova.web.project.ProjectDao;
import nova.web.project.Projects;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.Refusal;
import nova.workflows.failures.TransitionRefused;
import nova.workflows.failures.Unavailable;
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
  /** How long an action may wait on Temporal and the workflow before it is answered with a 503. */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  private final WorkflowClient client;
  private final Projects projects;
  private final TaskDao tasks;
  private final AppliedRequests applied;
  private final long remindAfterSeconds;
  private final Parts parts;
  private final long updatesPerRun;

  public TaskCommands(
      WorkflowClient client,
      Projects projects,
      Jdbi jdbi,
      long remindAfterSeconds,
      long updatesPerRun,
      Parts parts) {
    this.updatesPerRun = updatesPerRun;
    this.client = client;
    this.projects = projects;
    this.tasks = jdbi.onDemand(TaskDao.class);
    this.applied = new AppliedRequests(client, tasks);
    this.remindAfterSeconds = remindAfterSeconds;
    this.parts = parts;
  }

  public TaskDao.Task create(Caller caller, TaskRequests.NewTask request, String idempotencyKey) {
    caller.requireAdmin();
    ProjectDao.Project project = projects.project(request.project());
    UUID serverId =
        request.server() == null || request.server().isBlank()
            ? null
            : serverIn(project.id(), project.name(), request.server());
    UUID taskId =
        idempotencyKey == null
            ? UUID.randomUUID()
            : UUID.nameUUIDFromBytes(
                ("task|" + caller.actor() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    TaskStart start =
        new TaskStart(
            taskId,
            project.id(),
            request.title().trim(),
            request.spec(),
            serverId,
            project.requirePlanApproval(),
            remindAfterSeconds,
            caller.actor(),
            null,
            updatesPerRun);
    TaskWorkflow workflow =
        client.newWorkflowStub(
            TaskWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TaskWorkflow.workflowId(taskId))
                .setTaskQueue(TaskWorkflow.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    refuseWhileTemporalIsDown("the task was not created");
    try {
      Temporal.within(ANSWER_WITHIN, () -> WorkflowClient.start(workflow::run, start));
    } catch (WorkflowExecutionAlreadyStarted repeated) {
      if (idempotencyKey == null) throw repeated;
    } catch (WorkflowServiceException unreached) {
      if (Outage.partOf(unreached).isEmpty()) throw unreached;
      throw unavailable(unreached, false, "the task was not created", Map.of());
    }
    String readyId = UUID.randomUUID().toString();
    try {
      // A repeat waits here too: the first request may have died before the workflow stored the
      // task
      // and took its first step (the assignment), and its answer must not show a task half made.
      Temporal.within(
          ANSWER_WITHIN,
          () -> WorkflowClient.startUpdate(workflow(taskId)::ready, options(readyId)).getResult());
    } catch (WorkflowException notReady) {
      if (Outage.partOf(notReady).isPresent()) {
        throw unavailable(
            notReady,
            true,
            "the task is created and is stored when it answers; repeat the request with the same"
                + " Idempotency-Key to get it",
            Map.of("task_id", taskId.toString()));
      }
      // A repeat whose task has finished since: it is answered with the task the first request
      // made.
      if (idempotencyKey == null) throw notReady;
    }
    // the workflow stored the task before it answered READY, so the row is there
    return Outage.afterApplied(
        () ->
            tasks
                .task(taskId)
                .orElseThrow(() -> new IllegalStateException("task " + taskId + " is not stored")),
        Map.of("task_id", taskId.toString()));
  }

  /** The server's id, if it belongs to the task's project. */
  public UUID serverIn(UUID projectId, String projectName, String serverRef) {
    ProjectDao.Server server = projects.server(serverRef, projectId);
    if (!server.projectId().equals(projectId)) {
      throw ApiException.badRequest(
          "server '"
              + server.name()
              + "' belongs to another project; pick a server of project '"
              + projectName
              + "'");
    }
    return server.id();
  }

  /**
   * Applies an action, or refuses it with 409 naming the task's state and the actions allowed now.
   * A repeat of a request (same Idempotency-Key) that was applied already answers as the first did,
   * whether Temporal still knows the Update (same run) or only PostgreSQL does (a later run).
   */
  public void act(
      Caller caller, UUID taskId, TaskAction action, TaskInput input, String idempotencyKey) {
    String updateId =
        idempotencyKey == null
            ? UUID.randomUUID().toString()
            : "idem|" + caller.actor() + "|" + action.wireName() + "|" + idempotencyKey;
    if (idempotencyKey != null && appliedBefore(taskId, updateId, action)) return;
    refuseWhileTemporalIsDown("the " + action.wireName() + " was not applied");
    TaskInput keyed = idempotencyKey == null ? input : input.withRequestId(updateId);
    try {
      Temporal.within(ANSWER_WITHIN, () -> update(taskId, action, updateId, keyed));
    } catch (WorkflowUpdateException refused) {
      if (idempotencyKey != null && appliedAfterAll(taskId, updateId, action)) return;
      throw rejected(caller, taskId, refused);
    } catch (WorkflowNotFoundException gone) {
      if (idempotencyKey != null && appliedAfterAll(taskId, updateId, action)) return;
      throw lostOrFinished(caller, taskId, gone);
    } catch (WorkflowServiceException failed) {
      if (Outage.partOf(failed).isEmpty()) throw rejected(caller, taskId, failed);
      Boolean accepted = accepted(taskId, updateId, failed);
      String what =
          accepted == null
              ? "Nova cannot tell whether the "
                  + action.wireName()
                  + " was taken; repeat the request with the same Idempotency-Key, which applies it"
                  + " at most once"
              : accepted
                  ? "the "
                      + action.wireName()
                      + " is accepted and takes effect when it answers; repeat the request with the"
                      + " same Idempotency-Key to get its result"
                  : "the " + action.wireName() + " was not applied";
      throw unavailable(failed, accepted, what, Map.of());
    }
  }

  /**
   * Looked up before the Update; while PostgreSQL is down Temporal's own check (within the run) has
   * to do. A stored event counts only once the workflow confirms it, which needs Temporal.
   */
  private boolean appliedBefore(UUID taskId, String updateId, TaskAction action) {
    Long seq;
    try {
      seq = applied.stored(taskId, updateId);
    } catch (RuntimeException e) {
      if (Outage.partOf(e).isEmpty()) throw e;
      return false;
    }
    if (seq == null) return false;
    if (!parts.isUp(Outage.TEMPORAL))
      throw Outage.unavailable(Outage.TEMPORAL, cannotTell(action), nullAccepted());
    return inWorkflow(taskId, seq, action);
  }

  /**
   * After the workflow refused the Update or is gone: whether the same request was applied before.
   */
  private boolean appliedAfterAll(UUID taskId, String updateId, TaskAction action) {
    Long seq = applied.stored(taskId, updateId);
    return seq != null && inWorkflow(taskId, seq, action);
  }

  private boolean inWorkflow(UUID taskId, long seq, TaskAction action) {
    try {
      return applied.inWorkflow(taskId, seq);
    } catch (RuntimeException e) {
      if (Outage.partOf(e).isEmpty()) throw e;
      // a query waits behind a workflow task, which may wait on PostgreSQL or Redis: name that part
      throw Outage.unavailable(
          parts.firstDown().orElse(Outage.TEMPORAL), cannotTell(action), nullAccepted());
    }
  }

  private static String cannotTell(TaskAction action) {
    return "Nova cannot tell whether the "
        + action.wireName()
        + " was applied until Temporal answers; repeat the request with the same Idempotency-Key,"
        + " which applies it at most once";
  }

  private static Map<String, Object> nullAccepted() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("accepted", null);
    return detail;
  }

  /**
   * Answers at once while the last check (at most a second old) found Temporal down, rather than
   * after the whole bound.
   */
  private void refuseWhileTemporalIsDown(String what) {
    if (!parts.isUp(Outage.TEMPORAL))
      throw Outage.unavailable(Outage.TEMPORAL, what, Map.of("accepted", false));
  }

  /**
   * After an action timed out: whether Temporal holds the Update (then it will be applied, and a
   * repeat with the same Idempotency-Key answers with its result) or never got it.
   */
  private Boolean accepted(UUID taskId, String updateId, RuntimeException failure) {
    try {
      var response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(2, TimeUnit.SECONDS)
              .pollWorkflowExecutionUpdate(
                  PollWorkflowExecutionUpdateRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setUpdateRef(
                          UpdateRef.newBuilder()
                              .setUpdateId(updateId)
                              .setWorkflowExecution(
                                  WorkflowExecution.newBuilder()
                                      .setWorkflowId(TaskWorkflow.workflowId(taskId))))
                      .setWaitPolicy(
                          WaitPolicy.newBuilder()
                              .setLifecycleStage(
                                  UpdateWorkflowExecutionLifecycleStage
                                      .UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED))
                      .build());
      return response.getStage().getNumber()
          >= UpdateWorkflowExecutionLifecycleStage
              .UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED
              .getNumber();
    } catch (StatusRuntimeException e) {
      // Temporal does not know the Update, or could not be reached for it nor for this question: it
      // never got it. It was sent but nothing came back in time: nobody can tell.
      boolean unreachable =
          e.getStatus().getCode() == Status.Code.UNAVAILABLE && !timedOut(failure);
      return e.getStatus().getCode() == Status.Code.NOT_FOUND || unreachable ? Boolean.FALSE : null;
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof WorkflowUpdateTimeoutOrCancelledException) return true;
      if (t instanceof StatusRuntimeException grpc
          && grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) return true;
    }
    return false;
  }

  /**
   * 503 naming the part that holds the action up: the one that failed, or, when Temporal took it
   * but the workflow did not finish in time, the first part that is down (the workflow waits on
   * it).
   */
  private Unavailable unavailable(
      RuntimeException failure, Boolean accepted, String what, Map<String, Object> detail) {
    String part =
        Boolean.TRUE.equals(accepted)
            ? parts.firstDown().orElse(Outage.TEMPORAL)
            : Outage.partOf(failure).orElse(Outage.TEMPORAL);
    Map<String, Object> all = new LinkedHashMap<>(detail);
    all.put("accepted", accepted);
    return Outage.unavailable(part, what, all);
  }

  /**
   * The workflow is gone: the task finished, or Temporal lost it (it started empty) and it is being
   * started again.
   */
  private Refusal lostOrFinished(Caller caller, UUID taskId, WorkflowException gone) {
    TaskDao.Task task = tasks.task(taskId).orElseThrow(() -> new NotFound("task", taskId));
    if (TaskStatus.fromWire(task.status()).isFinal()) return rejected(caller, taskId, gone);
    return Outage.unavailable(
        Outage.TEMPORAL,
        "the task's workflow is being started again after Temporal lost it and the action was not"
            + " applied",
        Map.of("accepted", false));
  }

  /** Through the typed stub, so that finding the callers of an Update method finds this. */
  private TaskSnapshot update(UUID taskId, TaskAction action, String updateId, TaskInput input) {
    TaskWorkflow workflow = workflow(taskId);
    Functions.Func1<TaskInput, TaskSnapshot> method =
        switch (action) {
          case ASSIGN -> workflow::assign;
          case START -> workflow::start;
          case SUBMIT_PLAN -> workflow::submitPlan;
          case APPROVE_PLAN -> workflow::approvePlan;
          case REVISE_PLAN -> workflow::revisePlan;
          case REQUEST_HELP -> workflow::requestHelp;
          case RESPOND -> workflow::respond;
          case SUBMIT_FOR_REVIEW -> workflow::submitForReview;
          case APPROVE_REVIEW -> workflow::approveReview;
          case REQUEST_CHANGES -> workflow::requestChanges;
          case COMPLETE -> workflow::complete;
          case FAIL -> workflow::fail;
          case CANCEL -> workflow::cancel;
          case ADD_NOTE -> workflow::addNote;
        };
    return WorkflowClient.startUpdate(method, input, options(updateId)).getResult();
  }

  private TaskWorkflow workflow(UUID taskId) {
    return client.newWorkflowStub(TaskWorkflow.class, TaskWorkflow.workflowId(taskId));
  }

  private static UpdateOptions<TaskSnapshot> options(String updateId) {
    return UpdateOptions.newBuilder(TaskSnapshot.class)
        .setUpdateId(updateId)
        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .build();
  }

  private TransitionRefused rejected(Caller caller, UUID taskId, WorkflowException cause) {
    TaskDao.Task task = tasks.task(taskId).orElseThrow(() -> new NotFound("task", taskId));
    TaskStatus status = TaskStatus.fromWire(task.status());
    var allowed =
        TaskAction.allowedIn(status).stream()
            .filter(
                a ->
                    a.actor() == TaskAction.Actor.ANY
                        || (a.actor() == TaskAction.Actor.AGENT) == (caller.serverId() != null))
            .map(TaskAction::wireName)
            .toList();
    String reason =
        status.isFinal()
            ? "the task is " + status.wireName() + " and takes no more actions"
            : RejectionMessage.of(cause, "the task refused this action in its current state");
    return new TransitionRefused(
        reason, Map.of("status", status.wireName(), "allowed_actions", allowed));
  }
}
