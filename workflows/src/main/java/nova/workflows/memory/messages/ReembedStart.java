package nova.workflows.memory.messages;

/**
 * Switch memory search to {@code model}. A run that continued as new carries {@code registered},
 * the chunks embedded so far and the last chunk id its pass reached.
 */
public record ReembedStart(
    String switchId,
    String model,
    String requestedBy,
    boolean registered,
    long embedded,
    long after) {
  public static ReembedStart of(String switchId, String model, String requestedBy) {
    return new ReembedStart(switchId, model, requestedBy, false, 0, 0);
  }

  public ReembedStart continued(long embeddedSoFar, long lastChunk) {
    return new ReembedStart(switchId, model, requestedBy, true, embeddedSoFar, lastChunk);
  }
}
