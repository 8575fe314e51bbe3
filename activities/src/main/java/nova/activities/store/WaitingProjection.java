package nova.activities.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A task whose next change waits to be stored (a task's changes are stored in order, so one per
 * task).
 */
public record WaitingProjection(UUID taskId, long seq, Instant since, int attempts, String error) {}
