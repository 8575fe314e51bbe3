package nova.workflows.memory.messages;

import java.util.Map;

/** scope: "global", "agent:ID", "pod:ID" or "project:ID" (names are accepted and stored as ids). */
public record NewMemory(
    String content, String scope, Map<String, Object> metadata, String createdBy) {}
