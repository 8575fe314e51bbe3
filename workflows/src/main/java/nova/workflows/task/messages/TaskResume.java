package nova.workflows.task.messages;

import java.util.UUID;
import nova.workflows.task.TaskStatus;

/**
 * Where a task stood when its workflow was lost (the dev Temporal server keeps runs in memory
 * only): a new run resumes from the stored projection instead of starting over.
 */
public record TaskResume(TaskStatus status, long seq, UUID serverId, UUID openInterventionId) {}
