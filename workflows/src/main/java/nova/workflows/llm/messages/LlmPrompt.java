package nova.workflows.llm.messages;

import java.util.List;
import java.util.UUID;

/**
 * One model call. {@code callId} makes it idempotent (a workflow takes it from {@code
 * Workflow.randomUUID()}). The models are tried in order; with none, the agent's model and its
 * fallbacks are used, and the agent's system prompt goes first. {@code maxTokens} may be null.
 */
public record LlmPrompt(
    UUID callId,
    List<String> models,
    UUID agentId,
    List<PromptMessage> messages,
    Integer maxTokens) {
  public LlmPrompt {
    models = models == null ? List.of() : List.copyOf(models);
    messages = List.copyOf(messages);
  }
}
