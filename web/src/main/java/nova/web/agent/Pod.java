package nova.web.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group of agents that share a sandbox tier: how much of the filesystem and shell they may touch.
 */
public record Pod(
    UUID id,
    String name,
    String description,
    String sandboxTier,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {
  /** How much a pod's agents may touch, least access first. */
  public static final List<String> TIERS = List.of("isolated", "nova", "workspace", "host");
}
