package nova.activities.memory;

import java.time.Instant;
import java.util.UUID;

/** One switch of the embedding model: under way with its progress, or how it ended. */
public record SwitchEntry(
    UUID id,
    String model,
    String previousModel,
    Integer dimensions,
    String status,
    String reason,
    String requestedBy,
    Instant startedAt,
    Instant endedAt,
    Long embedded,
    Long total,
    Double progress) {}
