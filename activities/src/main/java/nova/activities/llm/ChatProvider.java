package nova.activities.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One configured provider. Requests are OpenAI chat completion bodies (the shape Nova's own
 * /v1/chat/completions takes) with {@code model} already the provider's own model name; each
 * kind translates to and from its wire protocol. Failures are {@link ProviderFailure}s.
 */
public interface ChatProvider {
  String name();

  ChatResult complete(ObjectNode request);

  /** Streams deltas to {@code sink} as they arrive and returns the whole answer once the provider says it is done. */
  ChatResult stream(ObjectNode request, ChatStream sink);
}
