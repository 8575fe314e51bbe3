package nova.workflows.task;

import io.temporal.activity.ActivityInterface;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskStart;

/**
 * Writes the PostgreSQL projection of a task: the tasks row, the activity log, plans, interventions
 * and notes. Idempotent: an event is stored once per (task, seq), however often it is retried.
 */
@ActivityInterface
public interface TaskStoreActivities {
  void recordCreated(TaskStart start, TaskChange created);

  void record(TaskChange change);
}
