package nova.workflows.task.messages;

import java.util.UUID;
import nova.workflows.task.TaskStatus;

/**
 * Where a task stood when a new run of its workflow takes over: after the run was lost (a Temporal
 * that started empty; {@code continued} false, and the new run records a "resumed" event), or when
 * the run continued as new before Temporal's history limits ({@code continued} true, and nothing is
 * recorded: to the task it is the same workflow). {@code notes} counts the task's notes, so that
 * the cap on them holds across runs too.
 */
public record TaskResume(
    TaskStatus status,
    long seq,
    UUID serverId,
    UUID openInterventionId,
    long notes,
    boolean continued) {

  public TaskResume(
      TaskStatus status, long seq, UUID serverId, UUID openInterventionId, long notes) {
    this(status, seq, serverId, openInterventionId, notes, false);
  }
}
