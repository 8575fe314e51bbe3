package nova.activities.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A finished chat call in OpenAI's terms, whatever the provider spoke: the assistant message (role,
 * content, and tool calls where the provider has them), why it stopped, and the usage.
 */
public record ChatResult(ObjectNode message, String finishReason, Usage usage) {
  public String text() {
    return message.path("content").asText("");
  }
}
