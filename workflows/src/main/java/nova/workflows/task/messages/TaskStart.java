package nova.workflows.task.messages;

import java.util.UUID;

/**
 * Starts a task's workflow. The reminder interval travels with the task so that a change of
 * configuration never alters the timers of a running workflow. {@code resume} is set when a new run
 * takes over from an earlier one (see TaskResume). {@code updatesPerRun}: after this many accepted
 * actions a run continues as new (0: the workflow's default), so that a chatty task never reaches
 * Temporal's limits on one run's history and updates.
 */
public record TaskStart(
    UUID taskId,
    UUID projectId,
    String title,
    String spec,
    UUID serverId,
    boolean requirePlanApproval,
    long reminderAfterSeconds,
    String createdBy,
    TaskResume resume,
    long updatesPerRun) {

  public TaskStart(
      UUID taskId,
      UUID projectId,
      String title,
      String spec,
      UUID serverId,
      boolean requirePlanApproval,
      long reminderAfterSeconds,
      String createdBy) {
    this(
        taskId,
        projectId,
        title,
        spec,
        serverId,
        requirePlanApproval,
        reminderAfterSeconds,
        createdBy,
        null,
        0);
  }

  public TaskStart(
      UUID taskId,
      UUID projectId,
      String title,
      String spec,
      UUID serverId,
      boolean requirePlanApproval,
      long reminderAfterSeconds,
      String createdBy,
      TaskResume resume) {
    this(
        taskId,
        projectId,
        title,
        spec,
        serverId,
        requirePlanApproval,
        reminderAfterSeconds,
        createdBy,
        resume,
        0);
  }

  /** The same task, taken over by a new run from where it stands. */
  public TaskStart resumedAt(TaskResume where) {
    return new TaskStart(
        taskId,
        projectId,
        title,
        spec,
        serverId,
        requirePlanApproval,
        reminderAfterSeconds,
        createdBy,
        where,
        updatesPerRun);
  }
}
