package nova.activities.memory;

import java.util.List;

/**
 * What memory holds: counts by model and scope, the active model, and modelSwitch: the latest
 * switch of the embedding model, under way (with its progress) or ended; null if there was none.
 */
public record MemoryStats(
    long memories,
    long chunks,
    String activeModel,
    List<ModelCount> models,
    List<ScopeCount> scopes,
    SwitchEntry modelSwitch) {
  public record ModelCount(String model, int dimensions, String status, long chunks) {}

  public record ScopeCount(String scope, long memories) {}
}
