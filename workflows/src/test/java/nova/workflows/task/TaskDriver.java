package nova.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.UUID;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskOutcome;
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
    UUID taskId = UUID.randomUUID();
    TaskWorkflow workflow =
        client.newWorkflowStub(
            TaskWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(TaskWorkflow.workflowId(taskId))
                .build());
    WorkflowClient.start(
        workflow::run,
        new TaskStart(
            taskId,
            UUID.randomUUID(),
            "Fix the build",
            "spec",
            server,
            requirePlanApproval,
            reminderAfterSeconds,
            ADMIN));
    workflow.ready();
    return new Task(taskId, workflow);
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
}
