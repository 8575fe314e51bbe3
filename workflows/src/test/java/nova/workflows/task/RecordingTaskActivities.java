package nova.workflows.task;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskStart;

/**
 * Stands in for the projection and the notifier: keeps every stored and every notified change in
 * the order the workflow sent them. Safe to share between the worker's threads and the test.
 */
final class RecordingTaskActivities implements TaskStoreActivities, NotifyActivities {
  private final List<TaskChange> stored = new CopyOnWriteArrayList<>();
  private final List<TaskChange> notified = new CopyOnWriteArrayList<>();
  private final List<UUID> created = new CopyOnWriteArrayList<>();

  @Override
  public void recordCreated(TaskStart start, TaskChange change) {
    created.add(start.taskId());
    stored.add(change);
  }

  @Override
  public void record(TaskChange change) {
    stored.add(change);
  }

  @Override
  public void taskChanged(TaskChange change) {
    notified.add(change);
  }

  /** The changes stored for one task, oldest first; one instance serves every test of a class. */
  List<TaskChange> stored(UUID taskId) {
    return stored.stream().filter(c -> c.taskId().equals(taskId)).toList();
  }

  /** Whether the task's row was created, rather than only events recorded for it. */
  boolean recordedCreation(UUID taskId) {
    return created.contains(taskId);
  }

  List<TaskChange> notified(UUID taskId) {
    return notified.stream().filter(c -> c.taskId().equals(taskId)).toList();
  }

  List<String> storedTypes(UUID taskId) {
    return stored(taskId).stream().map(TaskChange::type).toList();
  }
}
