package nova.workflows.memory;

import io.temporal.activity.ActivityInterface;
import nova.workflows.memory.messages.MemoryHits;
import nova.workflows.memory.messages.MemoryQuery;
import nova.workflows.memory.messages.NewMemory;
import nova.workflows.memory.messages.StoredMemory;

/**
 * What agents learn, for the pipeline's Context stage: stored once per scope and text, found by
 * meaning, by words, or by both fused. Bad input fails with {@link #BAD_REQUEST}, never retried.
 */
@ActivityInterface
public interface MemoryActivities {
  /**
   * Served on their own queue: embedding is CPU work that should not hold the task queue's slots.
   */
  String TASK_QUEUE = "nova-memory";

  String BAD_REQUEST = "MEMORY_BAD_REQUEST";

  /** Idempotent: the same text in the same scope answers the memory stored first. */
  StoredMemory store(NewMemory memory);

  MemoryHits search(MemoryQuery query);
}
