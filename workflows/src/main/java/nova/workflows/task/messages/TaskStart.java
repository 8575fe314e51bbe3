package nova.workflows.task.messages;

import java.util.UUID;

/**
 * Starts a task's workflow. The reminder interval travels with the task so that a change of
 * configuration never alters the timers of a running workflow. {@code resume} is set only when a
 * lost workflow is started again from its projection.
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
    TaskResume resume) {

  public TaskStart(UUID taskId, UUID projectId, String title, String spec, UUID serverId, boolean requirePlanApproval,
      long reminderAfterSeconds, String createdBy) {
    this(taskId, projectId, title, spec, serverId, requirePlanApproval, reminderAfterSeconds, createdBy, null);
  }
}
