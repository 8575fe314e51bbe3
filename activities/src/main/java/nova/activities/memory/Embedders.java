package nova.activities.memory;

import nova.activities.llm.gateway.LlmServices;
import nova.workflows.failures.UnknownModel;

/**
 * The embedder behind a model name: the built-in local model, or any embedding model of the
 * gateway.
 */
final class Embedders {
  private final LocalEmbedder local;
  private final LlmServices gateway;

  Embedders(LocalEmbedder local, LlmServices gateway) {
    this.local = local;
    this.gateway = gateway;
  }

  public Embedder of(String model) {
    return model.equals(LocalEmbedder.MODEL) ? local : new GatewayEmbedder(gateway, model);
  }

  /**
   * The one model a name stands for. Aliases and bare ids are refused: they may later point
   * elsewhere, and stored vectors would mix models.
   */
  public String concrete(String model) {
    if (model.equals(LocalEmbedder.MODEL)) return model;
    try {
      String name = gateway.resolve(model).getFirst().name();
      if (!name.equals(model))
        throw new BadMemoryRequest(
            "'"
                + model
                + "' stands for "
                + name
                + "; name "
                + name
                + " itself, so the vectors keep the model that made them");
      return name;
    } catch (UnknownModel e) {
      throw new BadMemoryRequest(e.getMessage());
    }
  }
}
