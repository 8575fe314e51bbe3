package nova.workflows.task.messages;

import java.util.UUID;

/**
 * Starts a task's workflow. The reminder interval travels with the task so that a change of
 * configuration never alters the timers of a running workflow.
 */
public record TaskStart(
    UUID taskId,
    UUID projectId,
    String title,
    String spec,
    UUID serverId,
    boolean requirePlanApproval,
    long reminderAfterSeconds,
    String createdBy) {}
