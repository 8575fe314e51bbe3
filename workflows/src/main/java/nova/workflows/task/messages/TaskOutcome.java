package nova.workflows.task.messages;

import java.util.UUID;
import nova.workflows.task.TaskStatus;

/** What a finished task's workflow returns. */
public record TaskOutcome(UUID taskId, TaskStatus status, long events) {}
