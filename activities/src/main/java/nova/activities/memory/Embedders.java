package nova.activities.memory;

import nova.activities.llm.gateway.Gateway;

/** The embedder behind a model name: the built-in local model, or any embedding model of the gateway. */
public final class Embedders {
  private final LocalEmbedder local;
  private final Gateway gateway;

  public Embedders(LocalEmbedder local, Gateway gateway) {
    this.local = local;
    this.gateway = gateway;
  }

  public Embedder of(String model) {
    return model.equals(LocalEmbedder.MODEL) ? local : new GatewayEmbedder(gateway, model);
  }
}
