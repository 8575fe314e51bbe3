package nova.workflows.task;

import io.temporal.activity.ActivityInterface;
import nova.workflows.task.messages.TaskChange;

/**
 * Tells the live world about a stored task event (Redis pub/sub, and later Telegram). Best effort,
 * at least once.
 */
@ActivityInterface
public interface NotifyActivities {
  void taskChanged(TaskChange change);
}
