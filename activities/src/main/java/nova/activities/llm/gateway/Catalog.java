package nova.activities.llm.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nova.activities.llm.ChatProvider;
import nova.workflows.failures.UnknownModel;

/**
 * What can be called right now: the enabled providers with their clients, and the aliases. A name
 * resolves as an alias first, then as {@code provider/model}, then as a bare model id that exactly
 * one provider offers. Immutable; the gateway swaps in a new one when providers change.
 */
final class Catalog {
  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private final Map<String, ChatProvider> clients;
  private final Map<String, List<String>> aliases;

  Catalog(
      List<Provider> providers,
      Map<String, ChatProvider> clients,
      Map<String, List<String>> aliases) {
    providers.forEach(p -> this.providers.put(p.name(), p));
    this.clients = Map.copyOf(clients);
    this.aliases = Map.copyOf(aliases);
  }

  public List<Provider> providers() {
    return List.copyOf(providers.values());
  }

  public Map<String, List<String>> aliases() {
    return aliases;
  }

  /** Every callable provider/model of the enabled providers, in provider order. */
  public List<String> models() {
    List<String> names = new ArrayList<>();
    for (Provider p : providers.values()) {
      if (p.enabled()) p.models().forEach(m -> names.add(p.name() + "/" + m.id()));
    }
    return names;
  }

  /** Models and aliases: what an unknown name's error lists. */
  public List<String> available() {
    List<String> names = new ArrayList<>(models());
    names.addAll(aliases.keySet().stream().sorted().toList());
    return names;
  }

  /** The routes for these names in order, aliases expanded, each provider/model once. */
  public List<Route> chain(List<String> requested) {
    Set<String> seen = new LinkedHashSet<>();
    List<Route> routes = new ArrayList<>();
    for (String name : requested) {
      for (Route route : resolve(name)) {
        if (seen.add(route.name())) routes.add(route);
      }
    }
    return routes;
  }

  public List<Route> resolve(String name) {
    if (name == null || name.isBlank())
      throw new UnknownModel(String.valueOf(name), "is empty", available());
    List<String> targets = aliases.get(name);
    if (targets != null) return targets.stream().map(t -> direct(t, name)).toList();
    return List.of(direct(name, name));
  }

  private Route direct(String name, String requested) {
    int slash = name.indexOf('/');
    if (slash > 0 && providers.containsKey(name.substring(0, slash))) {
      Provider provider = providers.get(name.substring(0, slash));
      if (!provider.enabled())
        throw new UnknownModel(
            name, "belongs to the disabled provider " + provider.name(), available());
      String id = name.substring(slash + 1);
      return provider
          .model(id)
          .map(m -> new Route(provider, clients.get(provider.name()), m, requested))
          .orElseThrow(
              () ->
                  new UnknownModel(
                      name, "is not among " + provider.name() + "'s models", available()));
    }
    List<Route> offering = new ArrayList<>();
    for (Provider p : providers.values()) {
      if (p.enabled())
        p.model(name)
            .ifPresent(m -> offering.add(new Route(p, clients.get(p.name()), m, requested)));
    }
    if (offering.size() == 1) return offering.getFirst();
    if (offering.size() > 1) {
      throw new UnknownModel(
          name,
          "is offered by several providers ("
              + String.join(", ", offering.stream().map(r -> r.provider().name()).toList())
              + "); name one as provider/model",
          available());
    }
    throw new UnknownModel(name, "does not exist", available());
  }
}
