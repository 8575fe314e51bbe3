package nova.activities.memory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored memory as the API and the admin app show it. */
public record Memory(
    UUID id,
    String scope,
    String content,
    Map<String, Object> metadata,
    int chunks,
    String createdBy,
    Instant createdAt) {}
