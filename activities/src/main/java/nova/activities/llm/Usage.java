package nova.activities.llm;

/** Tokens a call consumed, as the provider counted them. */
public record Usage(long inputTokens, long outputTokens) {
  public static final Usage NONE = new Usage(0, 0);

  public long total() {
    return inputTokens + outputTokens;
  }
}
