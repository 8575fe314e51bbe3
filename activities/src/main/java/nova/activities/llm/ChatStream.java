package nova.activities.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives a streamed answer as it arrives, as OpenAI-style deltas ({"content": "..."}, tool call
 * parts).
 */
@FunctionalInterface
public interface ChatStream {
  void delta(ObjectNode delta);
}
