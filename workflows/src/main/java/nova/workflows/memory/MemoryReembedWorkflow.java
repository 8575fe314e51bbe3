package nova.workflows.memory;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import nova.workflows.memory.messages.ReembedCancel;
import nova.workflows.memory.messages.ReembedStart;
import nova.workflows.memory.messages.ReembedStatus;
import nova.workflows.memory.messages.ReembedWatch;

/**
 * Switches the embedding model memories are searched with: registers the new model, re-embeds every
 * chunk with it in the background while search keeps to the active one, then swaps them in one
 * transaction. One at a time: the workflow id is fixed. An admin may cancel it until the swap.
 */
@WorkflowInterface
public interface MemoryReembedWorkflow {
  String WORKFLOW_ID = "memory-reembed";

  /** Beside the memory activities it drives. */
  String TASK_QUEUE = MemoryActivities.TASK_QUEUE;

  String CANCEL = "cancel";

  /** Answers once the new model is registered (or could not be), so the API can say which. */
  String REGISTERED = "registered";

  @WorkflowMethod
  ReembedStatus run(ReembedStart start);

  @QueryMethod
  ReembedStatus status();

  @UpdateMethod(name = REGISTERED)
  ReembedStatus registered(ReembedWatch watch);

  @UpdateMethod(name = CANCEL)
  ReembedStatus cancel(ReembedCancel cancel);

  @UpdateValidatorMethod(updateName = CANCEL)
  void validateCancel(ReembedCancel cancel);
}
