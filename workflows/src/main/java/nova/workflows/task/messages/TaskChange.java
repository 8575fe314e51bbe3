package nova.workflows.task.messages;

import java.util.UUID;
import nova.workflows.task.TaskStatus;

/**
 * One event of a task, as the workflow decided it; the projection stores it once, keyed by (taskId,
 * seq), so a retried activity never writes it twice. {@code requestId}: the Idempotency-Key of the
 * request that made it, if any (see TaskInput). {@code workflowTask}: the history length of the
 * workflow task that stored it, which grows with every workflow task Temporal gives out: of two
 * different events at one seq, the later workflow task's is the one Temporal committed.
 */
public record TaskChange(
    UUID taskId,
    long seq,
    TaskEventType type,
    TaskStatus from,
    TaskStatus to,
    String actor,
    UUID serverId,
    String text,
    UUID interventionId,
    boolean urgent,
    long atEpochMillis,
    String requestId,
    long workflowTask) {

  public TaskChange(
      UUID taskId,
      long seq,
      TaskEventType type,
      TaskStatus from,
      TaskStatus to,
      String actor,
      UUID serverId,
      String text,
      UUID interventionId,
      boolean urgent,
      long atEpochMillis,
      String requestId) {
    this(
        taskId,
        seq,
        type,
        from,
        to,
        actor,
        serverId,
        text,
        interventionId,
        urgent,
        atEpochMillis,
        requestId,
        0);
  }

  public TaskChange(
      UUID taskId,
      long seq,
      TaskEventType type,
      TaskStatus from,
      TaskStatus to,
      String actor,
      UUID serverId,
      String text,
      UUID interventionId,
      boolean urgent,
      long atEpochMillis) {
    this(
        taskId,
        seq,
        type,
        from,
        to,
        actor,
        serverId,
        text,
        interventionId,
        urgent,
        atEpochMillis,
        null);
  }

  public TaskChange storedIn(long workflowTask) {
    return new TaskChange(
        taskId,
        seq,
        type,
        from,
        to,
        actor,
        serverId,
        text,
        interventionId,
        urgent,
        atEpochMillis,
        requestId,
        workflowTask);
  }
}
