package nova.web.task;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.UUID;
import nova.web.platform.Temporal;
import nova.workflows.task.TaskWorkflow;

/**
 * Whether a request (its Idempotency-Key, as the Update id) was applied: its event is stored and
 * the task's workflow has it too. An event that a workflow task stored before Temporal died, and
 * that Temporal never committed, is stored but not in the workflow (the projection replaces it
 * later): that request was not applied, and sending it again is what applies it.
 */
final class AppliedRequests {
  private static final Duration ASK_WITHIN = Duration.ofSeconds(5);
  private final WorkflowClient client;
  private final TaskDao tasks;

  AppliedRequests(WorkflowClient client, TaskDao tasks) {
    this.client = client;
    this.tasks = tasks;
  }

  /** The seq of the request's stored event, or null: read from PostgreSQL alone. */
  Long stored(UUID taskId, String requestId) {
    return tasks.appliedAt(taskId, requestId);
  }

  /** Asks the task's workflow whether it has the stored event; a failure to ask is thrown. */
  boolean inWorkflow(UUID taskId, long seq) {
    try {
      return Temporal.within(
                  ASK_WITHIN,
                  () ->
                      client
                          .newWorkflowStub(TaskWorkflow.class, TaskWorkflow.workflowId(taskId))
                          .snapshot())
              .version()
          >= seq;
    } catch (WorkflowNotFoundException lost) {
      return true; // PostgreSQL is all that is left of the task, and its workflow starts again from
      // there
    }
  }
}
