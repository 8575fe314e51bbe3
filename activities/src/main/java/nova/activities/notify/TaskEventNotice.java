package nova.activities.notify;

import java.util.UUID;

/** What a live page needs to know to refresh: which task, which event, and its new state. */
public record TaskEventNotice(UUID taskId, long seq, String type, String status) {}
