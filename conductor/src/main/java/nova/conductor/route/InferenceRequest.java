package nova.conductor.route;

import java.util.List;
import nova.conductor.wire.Body;

/**
 * One chat completion as the router sees it: messages, limits, and the LoRA adapter to use ("" for
 * none).
 */
public record InferenceRequest(
    List<Body.ChatMessage> messages, int maxTokens, float temperature, String adapter) {
  public List<String> images() {
    return messages.stream().flatMap(m -> m.images().stream()).toList();
  }
}
