package nova.web.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An agent: its model and the models to fall back on, in order, its system prompt, and the pod it
 * belongs to, if any.
 */
public record Agent(
    UUID id,
    String name,
    UUID podId,
    String model,
    String systemPrompt,
    List<String> fallbackModels,
    boolean canonical,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {
  public static final String NOVA = "Nova";

  /** The chain the gateway tries: the model, then each fallback. */
  public List<String> chain() {
    List<String> chain = new ArrayList<>();
    chain.add(model);
    chain.addAll(fallbackModels);
    return chain;
  }
}
