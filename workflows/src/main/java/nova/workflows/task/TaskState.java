package nova.workflows.task;

import java.util.Objects;
import java.util.UUID;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskResume;
import nova.workflows.task.messages.TaskSnapshot;

/**
 * The task's state inside its workflow: plain, deterministic, and the only place transitions
 * happen.
 */
final class TaskState {
  /**
   * The notes a task keeps at most: each is an Update in the run's history, which has limits of its
   * own.
   */
  static final int MAX_NOTES = 500;

  private final UUID taskId;
  private TaskStatus status = TaskStatus.PENDING;
  private long seq;
  private long moves;
  private UUID serverId;
  private UUID openInterventionId;
  private long notes;

  TaskState(UUID taskId) {
    this.taskId = taskId;
  }

  TaskState(UUID taskId, TaskResume resume) {
    this.taskId = taskId;
    this.status = resume.status();
    this.seq = resume.seq();
    this.serverId = resume.serverId();
    this.openInterventionId = resume.openInterventionId();
    this.notes = resume.notes();
  }

  TaskStatus status() {
    return status;
  }

  /** Where the task stands, for the next run when this one continues as new. */
  TaskResume continuing() {
    return new TaskResume(status, seq, serverId, openInterventionId, notes, true);
  }

  long seq() {
    return seq;
  }

  /** How many times the state has changed; notes and reminders leave it as it was. */
  long moves() {
    return moves;
  }

  /**
   * Refuses what the current state, the acting agent or the input does not allow; changes nothing.
   */
  void check(TaskAction action, TaskInput input) {
    if (!action.allowedFrom(status)) {
      throw new TransitionRejected(action, status);
    }
    boolean byAgent =
        action.actor() == TaskAction.Actor.AGENT
            || (action.actor() == TaskAction.Actor.ANY && input.serverId() != null);
    if (byAgent && action != TaskAction.ASSIGN && !Objects.equals(input.serverId(), serverId)) {
      throw new TransitionRejected("this task is not assigned to server " + input.serverId());
    }
    if (action == TaskAction.ASSIGN && input.serverId() == null) {
      throw new TransitionRejected("assign needs a server");
    }
    if (action == TaskAction.RESPOND
        && input.interventionId() != null
        && !input.interventionId().equals(openInterventionId)) {
      throw new TransitionRejected(
          "intervention "
              + input.interventionId()
              + " is not the open one ("
              + openInterventionId
              + ")");
    }
    if (action == TaskAction.ADD_NOTE && notes >= MAX_NOTES) {
      throw new TransitionRejected(
          "the task already holds "
              + MAX_NOTES
              + " notes, the most a task keeps; "
              + "put what is left in the task's result, or in a new task");
    }
  }

  /** Applies an action already checked, and returns the event to record. */
  TaskChange apply(TaskAction action, TaskInput input, UUID newInterventionId, long now) {
    check(action, input);
    TaskStatus from = status;
    UUID interventionId = null;
    switch (action) {
      case ASSIGN -> serverId = input.serverId();
      case ADD_NOTE -> notes++;
      case REQUEST_HELP -> openInterventionId = interventionId = newInterventionId;
      case RESPOND -> {
        interventionId = openInterventionId;
        openInterventionId = null;
      }
      case CANCEL -> {
        interventionId = openInterventionId;
        openInterventionId = null;
      }
      default -> {}
    }
    status = action.target(status);
    if (status != from) {
      moves++;
    }
    return change(action.eventType(), from, input, interventionId, now);
  }

  /** The automatic assigned -> planning step of plan mode. */
  TaskChange enterPlanMode(long now) {
    TaskStatus from = status;
    status = TaskStatus.PLANNING;
    moves++;
    return change(TaskEventType.PLAN_MODE, from, TaskInput.human("nova", null), null, now);
  }

  TaskChange created(String actor, long now) {
    return new TaskChange(
        taskId, seq, TaskEventType.CREATED, null, status, actor, null, null, null, false, now);
  }

  TaskChange resumed(long now) {
    return change(
        TaskEventType.RESUMED,
        status,
        TaskInput.human("nova", "the workflow was started again from the stored task"),
        openInterventionId,
        now);
  }

  TaskChange reminder(long waitedSeconds, long now) {
    return change(
        TaskEventType.REMINDER,
        status,
        TaskInput.human("nova", "waiting in " + status.wireName() + " for " + waitedSeconds + " s"),
        openInterventionId,
        now);
  }

  private TaskChange change(
      TaskEventType type, TaskStatus from, TaskInput input, UUID interventionId, long now) {
    seq++;
    UUID server = input.serverId() != null ? input.serverId() : null;
    return new TaskChange(
        taskId,
        seq,
        type,
        from,
        status,
        input.actor(),
        server,
        input.text(),
        interventionId,
        input.urgent(),
        now,
        input.requestId());
  }

  TaskSnapshot snapshot() {
    return new TaskSnapshot(
        taskId,
        status,
        seq,
        serverId,
        openInterventionId,
        TaskAction.allowedIn(status).stream().map(TaskAction::wireName).toList());
  }
}
