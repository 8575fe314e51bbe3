package nova.workflows.memory.messages;

/** Asks for a switch's status once it has been registered, or has failed to be. */
public record ReembedWatch(String actor) {}
