package nova.web.llm;

import java.time.Instant;
import java.util.List;
import nova.activities.llm.gateway.BreakerState;
import nova.activities.llm.gateway.Provider;
import nova.activities.llm.gateway.ProviderModel;

/** A provider as the API and the app show it: the key masked, and whether calls reach it now. */
public record ProviderView(
    String name,
    String kind,
    String label,
    String baseUrl,
    String apiKey,
    List<ProviderModel> models,
    Integer rpm,
    String source,
    boolean enabled,
    boolean editable,
    String circuit,
    Instant availableAfter,
    float failureRate) {
  static ProviderView of(Provider p, BreakerState state) {
    return new ProviderView(
        p.name(),
        p.kind().wire(),
        label(p),
        p.baseUrl(),
        p.maskedKey(),
        p.models(),
        p.rpm(),
        p.source(),
        p.enabled(),
        p.editable(),
        state.state(),
        state.until(),
        state.failureRate());
  }

  static String label(Provider p) {
    return switch (p.kind()) {
      case LOCAL -> "Built-in local model: deterministic text, not a real model";
      case OPENAI -> "OpenAI-compatible API";
      case ANTHROPIC -> "Anthropic Messages API";
      case OLLAMA -> "Ollama native API";
      case LPU ->
          p.source().equals(Provider.BUILTIN)
              ? "Nova LPU conductor, the default while no provider is enabled"
              : "Nova LPU conductor";
    };
  }
}
