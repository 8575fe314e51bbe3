package nova.workflows.task;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final Map<UUID, AtomicInteger> storeFailures = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicInteger> notifyFailures = new ConcurrentHashMap<>();

  /**
   * The task's next {@code times} stores and notices fail, as they do while PostgreSQL or Redis is
   * down.
   */
  void failNext(UUID taskId, int times) {
    storeFailures.put(taskId, new AtomicInteger(times));
    notifyFailures.put(taskId, new AtomicInteger(times));
  }

  @Override
  public void recordCreated(TaskStart start, TaskChange change) {
    created.add(start.taskId());
    stored.add(change);
  }

  @Override
  public void record(TaskChange change) {
    failIfDown(storeFailures, change, "PostgreSQL");
    stored.add(change);
  }

  @Override
  public void taskChanged(TaskChange change) {
    failIfDown(notifyFailures, change, "Redis");
    notified.add(change);
  }

  private static void failIfDown(
      Map<UUID, AtomicInteger> failures, TaskChange change, String part) {
    AtomicInteger left = failures.get(change.taskId());
    if (left != null && left.getAndDecrement() > 0)
      throw new IllegalStateException(part + " is down");
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
    return stored(taskId).stream().map(c -> c.type().wireName()).toList();
  }
}
