package nova.workflows.memory.messages;

/**
 * What one pass call did: chunks embedded, the last chunk id it reached, and whether none are left
 * past it.
 */
public record ReembedBatch(long embedded, long lastChunk, boolean exhausted) {}
