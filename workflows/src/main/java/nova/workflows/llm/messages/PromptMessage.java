package nova.workflows.llm.messages;

import java.util.UUID;

/**
 * A chat message whose text is a stored row: a text saved before the workflow started, or an
 * earlier reply's output.
 */
public record PromptMessage(String role, UUID textId) {}
