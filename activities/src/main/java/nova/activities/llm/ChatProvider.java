package nova.activities.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One configured provider. Requests are OpenAI chat completion bodies (the shape Nova's own
 * /v1/chat/completions takes) with {@code model} already the provider's own model name; each kind
 * translates to and from its wire protocol. Failures are {@link ProviderFailure}s.
 */
public interface ChatProvider {
  String name();

  ChatResult complete(ObjectNode request);

  /**
   * Streams deltas to {@code sink} as they arrive and returns the whole answer once the provider
   * says it is done.
   */
  ChatResult stream(ObjectNode request, ChatStream sink);

  /** One vector per input text, in order. Kinds without an embeddings API refuse. */
  default Embeddings embed(String model, List<String> input) {
    throw new ProviderFailure(
        ProviderFailure.Kind.REFUSED, 404, name() + " has no embeddings API", null, null);
  }

  static ChatProvider of(ProviderConfig config) {
    return switch (config.kind()) {
      case OPENAI, LPU, LOCAL -> new OpenAiCompatibleProvider(config);
      case ANTHROPIC -> new AnthropicProvider(config);
      case OLLAMA -> new OllamaProvider(config);
    };
  }
}
