package nova.conductor;

import nova.conductor.config.Allocation;
import nova.conductor.config.ModelConfig;

/**
 * What the conductor serves: a model configuration (from its file), under an instance name, on an
 * allocation.
 */
public record Deployment(
    String modelFile, ModelConfig model, Allocation allocation, String instance) {
  /** The allocation group whose agents answer requests (model, target or language). */
  public int servingGroup() {
    return model.roles().indexOf(model.servingRole());
  }
}
