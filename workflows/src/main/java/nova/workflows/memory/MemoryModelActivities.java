package nova.workflows.memory;

import io.temporal.activity.ActivityInterface;
import nova.workflows.memory.messages.ReembedBatch;
import nova.workflows.memory.messages.ReembedEnd;
import nova.workflows.memory.messages.ReembedPass;
import nova.workflows.memory.messages.ReembedPlan;
import nova.workflows.memory.messages.ReembedStart;

/**
 * The embedding models memories are searched with, and the steps of switching between them. Each
 * step is idempotent, so a retry after a lost answer does no harm. A model that can't be used fails
 * with {@link MemoryActivities#BAD_REQUEST}, never retried.
 */
@ActivityInterface
public interface MemoryModelActivities {
  /**
   * Registers the model as the one being built and creates its vector index; stores embed with it
   * from then on.
   */
  ReembedPlan begin(ReembedStart start);

  /** Embeds a run of missing chunks for some seconds, heartbeating; cancellable between batches. */
  ReembedBatch embed(ReembedPass pass);

  /**
   * Makes the built model the active one and drops the old one's vectors, if no chunk lacks the new
   * model; false otherwise.
   */
  boolean activate(ReembedPass pass);

  /** Drops the built model's vectors, index and registration, and records how the switch ended. */
  void abandon(ReembedEnd end);
}
