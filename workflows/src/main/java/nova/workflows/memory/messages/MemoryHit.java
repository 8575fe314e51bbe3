package nova.workflows.memory.messages;

import java.util.Map;
import java.util.UUID;

/**
 * A memory found, with its place in each list (null where it was not in that list) and the fused
 * reciprocal-rank score; passage is the chunk that matched best.
 */
public record MemoryHit(
    UUID id,
    String scope,
    String content,
    String passage,
    Map<String, Object> metadata,
    Integer semanticRank,
    Integer keywordRank,
    double score) {}
