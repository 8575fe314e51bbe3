package nova.workflows.llm.messages;

import java.util.List;
import java.util.UUID;

/**
 * A stored answer: its text id, the model that gave it ({@code provider/model}), why it stopped,
 * the tokens it cost, and the models that failed before it.
 */
public record LlmReply(
    UUID callId,
    UUID outputId,
    String model,
    String finishReason,
    long inputTokens,
    long outputTokens,
    List<String> fellBack) {
  public LlmReply {
    fellBack = List.copyOf(fellBack);
  }
}
