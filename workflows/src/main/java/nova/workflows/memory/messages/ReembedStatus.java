package nova.workflows.memory.messages;

/**
 * A switch as its workflow sees it: the phase, chunks embedded so far, and why it ended if it did
 * not finish.
 */
public record ReembedStatus(
    String switchId,
    String model,
    ReembedPhase phase,
    long embedded,
    String cancelledBy,
    String reason) {}
