package nova.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskOutcome;
import nova.workflows.task.messages.TaskResume;
import nova.workflows.task.messages.TaskSnapshot;
import nova.workflows.task.messages.TaskStart;

/**
 * Starts task workflows on a test worker and walks them into a wanted state by the shortest path.
 */
final class TaskDriver {
  static final String ADMIN = "admin:alice";
  static final String AGENT = "server:build-01";

  /** Long enough that no reminder fires unless a test sleeps on purpose. */
  static final long NO_REMINDER_SOON = 30L * 24 * 3600;

  private final WorkflowClient client;
  private final String taskQueue;
  final UUID serverId = UUID.randomUUID();

  TaskDriver(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  /** A started task workflow whose first projection is written. */
  record Task(UUID id, TaskWorkflow workflow) {
    WorkflowStub untyped() {
      return WorkflowStub.fromTyped(workflow);
    }

    /** Sends an action the way the web layer does: by update name, untyped. */
    TaskSnapshot send(TaskAction action, TaskInput input) {
      return untyped().update(action.updateName(), TaskSnapshot.class, input);
    }

    TaskOutcome outcome() {
      return untyped().getResult(TaskOutcome.class);
    }
  }

  Task start(boolean requirePlanApproval, UUID server, long reminderAfterSeconds) {
    return launch(
        new TaskStart(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Fix the build",
            "spec",
            server,
            requirePlanApproval,
            reminderAfterSeconds,
            ADMIN));
  }

  /**
   * A plan-mode task assigned to {@link #serverId} whose run continues as new after {@code
   * updatesPerRun} actions.
   */
  Task startContinuingAfter(long updatesPerRun) {
    return launch(
        new TaskStart(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Fix the build",
            "spec",
            serverId,
            true,
            NO_REMINDER_SOON,
            ADMIN,
            null,
            updatesPerRun));
  }

  /**
   * A task started again at {@code status} and {@code seq} after its workflow was lost, assigned to
   * {@link #serverId}; the start carries the server too, as the web layer's does.
   */
  Task resume(TaskStatus status, long seq, UUID openInterventionId, long reminderAfterSeconds) {
    return resume(status, seq, openInterventionId, reminderAfterSeconds, 0);
  }

  /** As above, for a task that already holds {@code notes} notes. */
  Task resume(
      TaskStatus status, long seq, UUID openInterventionId, long reminderAfterSeconds, long notes) {
    return launch(
        new TaskStart(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Fix the build",
            "spec",
            serverId,
            true,
            reminderAfterSeconds,
            ADMIN,
            new TaskResume(status, seq, serverId, openInterventionId, notes)));
  }

  private Task launch(TaskStart start) {
    TaskWorkflow workflow =
        client.newWorkflowStub(
            TaskWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(TaskWorkflow.workflowId(start.taskId()))
                .build());
    WorkflowClient.start(workflow::run, start);
    workflow.ready();
    return new Task(start.taskId(), workflow);
  }

  /** A fresh task in {@code status}; a final status means its workflow has already completed. */
  Task startIn(TaskStatus status) {
    Task task =
        switch (status) {
          case PENDING -> start(false, null, NO_REMINDER_SOON);
          case ASSIGNED -> start(false, serverId, NO_REMINDER_SOON);
          case PLANNING -> start(true, serverId, NO_REMINDER_SOON);
          case PLAN_REVIEW -> then(startIn(TaskStatus.PLANNING), TaskAction.SUBMIT_PLAN);
          case RUNNING -> then(startIn(TaskStatus.ASSIGNED), TaskAction.START);
          case NEEDS_HUMAN -> then(startIn(TaskStatus.RUNNING), TaskAction.REQUEST_HELP);
          case REVIEW -> then(startIn(TaskStatus.RUNNING), TaskAction.SUBMIT_FOR_REVIEW);
          case DONE -> then(startIn(TaskStatus.RUNNING), TaskAction.COMPLETE);
          case FAILED -> then(startIn(TaskStatus.RUNNING), TaskAction.FAIL);
          case CANCELLED -> then(startIn(TaskStatus.PENDING), TaskAction.CANCEL);
        };
    if (status.isFinal()) {
      assertThat(task.outcome().status()).isEqualTo(status);
    } else {
      assertThat(task.workflow().snapshot().status()).isEqualTo(status);
    }
    return task;
  }

  private Task then(Task task, TaskAction action) {
    task.send(action, inputFor(action));
    return task;
  }

  /**
   * What the rightful actor would send: a person for human actions, the assigned agent otherwise.
   */
  TaskInput inputFor(TaskAction action) {
    String text = action.wireName() + " text";
    return switch (action.actor()) {
      case AGENT -> TaskInput.agent(AGENT, serverId, text);
      case HUMAN ->
          new TaskInput(ADMIN, action == TaskAction.ASSIGN ? serverId : null, text, null, false);
      case ANY -> TaskInput.human(ADMIN, text);
    };
  }

  /** Asserts that a validator refused the update, for {@code reason}. */
  static void assertRejected(Runnable update, String reason) {
    assertThatThrownBy(update::run)
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(TransitionRejected.TYPE);
              assertThat(failure.getOriginalMessage()).startsWith(reason);
            });
  }
}
