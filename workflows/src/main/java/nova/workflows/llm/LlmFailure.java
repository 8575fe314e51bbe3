package nova.workflows.llm;

import java.util.Arrays;

/**
 * The application failure types an {@link LlmActivities} call ends with. Retrying cannot mend the
 * refusals, so their names are the activity's non-retryable list; the others are worth waiting out,
 * and carry the providers' Retry-After as the next retry delay where one was given.
 */
public enum LlmFailure {
  /**
   * A provider refused the request itself (a 4xx other than 429): wrong parameters, too long a
   * prompt, a content policy.
   */
  REQUEST_REFUSED(false),
  /** The call names no model Nova knows, or an agent that no longer exists. */
  UNKNOWN_MODEL(false),
  /** A prompt message names a text id that is not stored. */
  MISSING_TEXT(false),
  /** Every model of the chain failed on rate limits, outages, timeouts or cut-off streams. */
  MODELS_UNAVAILABLE(true);

  private final boolean retryable;

  LlmFailure(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  static String[] nonRetryable() {
    return Arrays.stream(values()).filter(f -> !f.retryable).map(Enum::name).toArray(String[]::new);
  }
}
