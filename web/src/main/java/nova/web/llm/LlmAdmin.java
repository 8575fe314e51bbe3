package nova.web.llm;

import java.util.List;
import java.util.Map;
import nova.activities.llm.ProviderKind;
import nova.activities.llm.gateway.LlmServices;
import nova.activities.llm.gateway.Provider;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.workflows.failures.NameTaken;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.TransitionRefused;
import nova.workflows.failures.UnknownModel;

/**
 * What an admin does with providers and aliases; every change takes effect on this server at once.
 */
public final class LlmAdmin {
  private final LlmServices llm;

  public LlmAdmin(LlmServices llm) {
    this.llm = llm;
  }

  public List<ProviderView> providers(Caller caller) {
    caller.requireHuman();
    return llm.catalog().providers().stream()
        .map(p -> ProviderView.of(p, llm.breaker(p.name())))
        .toList();
  }

  public ProviderView provider(Caller caller, String name) {
    return providers(caller).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFound("provider", name));
  }

  public ProviderView create(Caller caller, ProviderRequests.ProviderBody body) {
    caller.requireAdmin();
    Provider provider = check(body, null);
    if (llm.storedProvider(body.name()).isPresent())
      throw new NameTaken(
          "a provider named " + body.name() + " already exists", Map.of("name", body.name()));
    llm.addProvider(provider);
    return provider(caller, body.name());
  }

  public ProviderView update(Caller caller, String name, ProviderRequests.ProviderBody body) {
    caller.requireAdmin();
    Provider existing = existing(name);
    if (!existing.editable()) throw readOnly(existing);
    if (!body.name().equals(name))
      throw ProviderRules.field(
          "name",
          "name is the provider's identity and cannot change ("
              + name
              + "); add a new provider instead");
    llm.updateProvider(check(body, existing));
    return provider(caller, name);
  }

  public void delete(Caller caller, String name) {
    caller.requireAdmin();
    Provider existing = existing(name);
    if (!existing.editable()) throw readOnly(existing);
    llm.deleteProvider(name);
  }

  public Map<String, List<String>> aliases(Caller caller) {
    caller.requireHuman();
    return llm.catalog().aliases();
  }

  public Map<String, List<String>> putAlias(Caller caller, String name, List<String> targets) {
    caller.requireAdmin();
    if (!name.matches(ProviderRules.ALIAS))
      throw ProviderRules.field(
          "name",
          "an alias is letters, digits, '.', '_' or '-', at most 64, such as fast or default-chat");
    for (int i = 0; i < targets.size(); i++) {
      String target = targets.get(i);
      if (llm.catalog().aliases().containsKey(target))
        throw ProviderRules.field(
            "targets[" + i + "]",
            "targets["
                + i
                + "] is the alias "
                + target
                + "; an alias names provider/model targets, not other aliases");
      if (target.equals(name) || !target.contains("/"))
        throw ProviderRules.field(
            "targets[" + i + "]",
            "targets[" + i + "] must be provider/model, such as openai/gpt-4o-mini");
      try {
        llm.resolve(target);
      } catch (UnknownModel e) {
        throw new ApiException(
            400,
            "targets[" + i + "]: " + e.getMessage(),
            Map.of("field", "targets[" + i + "]", "available", e.available()));
      }
    }
    llm.putAlias(name, targets, caller.actor());
    return aliases(caller);
  }

  public void deleteAlias(Caller caller, String name) {
    caller.requireAdmin();
    if (!llm.deleteAlias(name)) throw new NotFound("alias", name);
  }

  private static Provider check(ProviderRequests.ProviderBody body, Provider existing) {
    ProviderRules.checkBaseUrl(body.baseUrl());
    ProviderRules.checkModels(body.models());
    ProviderKind kind = ProviderKind.fromWire(body.kind());
    String key = body.apiKey() == null ? "" : body.apiKey().strip();
    if (key.isEmpty()
        && existing != null
        && !existing.apiKey().isEmpty()
        && !existing.baseUrl().equals(body.baseUrl().strip())) {
      // The stored key belongs to the old host; sending it to a new one would hand it to whoever
      // runs that.
      throw ProviderRules.field(
          "api_key",
          "base_url changes from "
              + existing.baseUrl()
              + " to "
              + body.baseUrl().strip()
              + ": send api_key again; a stored key is never sent to a new base_url");
    }
    boolean hasKey = !key.isEmpty() || existing != null && !existing.apiKey().isEmpty();
    if (kind == ProviderKind.ANTHROPIC && !hasKey)
      throw ProviderRules.field("api_key", "api_key is required for anthropic");
    return new Provider(
        existing == null ? null : existing.id(),
        body.name(),
        kind,
        body.baseUrl().strip(),
        key,
        body.models(),
        body.rpm(),
        Provider.APP,
        body.enabled() == null || body.enabled());
  }

  private static TransitionRefused readOnly(Provider p) {
    String where =
        Provider.BUILTIN.equals(p.source())
            ? "the built-in local model"
            : "set in nova.yml or the environment; change it there";
    return new TransitionRefused(
        "provider " + p.name() + " is " + where, Map.of("source", p.source()));
  }

  private Provider existing(String name) {
    return llm.catalog().providers().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .or(() -> llm.storedProvider(name))
        .orElseThrow(() -> new NotFound("provider", name));
  }
}
