package nova.workflows.memory.messages;

/** An admin's request to stop a switch and keep the active model. */
public record ReembedCancel(String actor) {}
