package nova.workflows.memory.messages;

import java.util.List;

/** model: the embedding model the semantic list was searched with. */
public record MemoryHits(String mode, String model, List<MemoryHit> results) {}
