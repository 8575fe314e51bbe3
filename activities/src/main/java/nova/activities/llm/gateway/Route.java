package nova.activities.llm.gateway;

import nova.activities.llm.ChatProvider;

/** One place a call can go: a provider's model, and the name the caller asked for that led here. */
public record Route(Provider provider, ChatProvider client, ProviderModel model, String requested) {
  public String name() {
    return provider.name() + "/" + model.id();
  }
}
