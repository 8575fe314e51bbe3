package nova.activities.llm.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nova.activities.llm.ChatProvider;

/**
 * The catalog in force, rebuilt from PostgreSQL when an admin changes providers or aliases (and
 * every {@code refresh} by the server, to pick up other servers' changes). Clients are kept while
 * their provider is unchanged, so their connection pools survive a reload. The built-in local
 * provider joins only while no other provider is enabled.
 */
final class LiveCatalog {
  private final ProviderDao store;
  private final Supplier<Optional<Provider>> builtin;
  private final Map<Provider, ChatProvider> clients = new HashMap<>();
  private volatile Catalog current;

  LiveCatalog(ProviderDao store, Supplier<Optional<Provider>> builtin) {
    this.store = store;
    this.builtin = builtin;
  }

  public Catalog current() {
    return current;
  }

  public synchronized Catalog reload() {
    List<Provider> providers = new ArrayList<>(store.all());
    if (providers.stream().noneMatch(Provider::enabled)) builtin.get().ifPresent(providers::add);
    Map<String, ChatProvider> byName = new HashMap<>();
    clients.keySet().retainAll(providers);
    for (Provider p : providers)
      byName.put(p.name(), clients.computeIfAbsent(p, x -> ChatProvider.of(x.clientConfig())));
    current = new Catalog(providers, byName, store.aliases());
    return current;
  }
}
