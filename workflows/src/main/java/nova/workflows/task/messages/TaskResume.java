package nova.workflows.task.messages;

import java.util.UUID;
import nova.workflows.task.TaskStatus;

/**
 * Where a task stood when its workflow was lost (the dev Temporal server keeps runs in memory
 * only): a new run resumes from the stored projection instead of starting over. {@code notes}
 * counts the task's notes, so that the cap on them holds across the new run too.
 */
public record TaskResume(TaskStatus status, long seq, UUID serverId, UUID openInterventionId, long notes) {}
