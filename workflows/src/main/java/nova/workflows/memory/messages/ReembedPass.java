package nova.workflows.memory.messages;

/**
 * Embed, with {@code model}, the active model's chunks past chunk id {@code after} that it lacks.
 */
public record ReembedPass(String switchId, String model, long after) {}
