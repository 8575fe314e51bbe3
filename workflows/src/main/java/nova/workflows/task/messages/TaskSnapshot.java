package nova.workflows.task.messages;

import java.util.List;
import java.util.UUID;
import nova.workflows.task.TaskStatus;

/**
 * The task as its workflow sees it now: state, version (the last event's number) and what may
 * happen next.
 */
public record TaskSnapshot(
    UUID taskId,
    TaskStatus status,
    long version,
    UUID serverId,
    UUID openInterventionId,
    List<String> allowedActions) {}
