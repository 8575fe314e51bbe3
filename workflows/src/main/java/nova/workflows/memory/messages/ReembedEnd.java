package nova.workflows.memory.messages;

/**
 * Undo a switch that will not finish: why (cancelled by whom, or the failure), and which end it is.
 */
public record ReembedEnd(
    String switchId, String model, ReembedPhase phase, String reason, String requestedBy) {}
