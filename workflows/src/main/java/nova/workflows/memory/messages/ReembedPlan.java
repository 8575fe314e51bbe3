package nova.workflows.memory.messages;

/** A registered switch: the model being built and its dimensions. */
public record ReembedPlan(String model, int dimensions) {}
