package nova.activities.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that did not produce an answer, with what the gateway needs to decide what
 * happens next: whether another model may be tried, and when this provider may be asked again.
 */
public final class ProviderFailure extends RuntimeException {
  /** Why the call failed; the first five are worth trying the next model for. */
  public enum Kind {
    RATE_LIMITED,
    SERVER_ERROR,
    TIMEOUT,
    CONNECTION,
    CUT_OFF,
    REFUSED;

    public boolean transientFailure() {
      return this != REFUSED;
    }
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  public ProviderFailure(
      Kind kind, int status, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /**
   * A provider's own HTTP refusal: 429 and 5xx are transient, other statuses mean the request
   * itself is wrong.
   */
  public static ProviderFailure ofStatus(
      String provider, int status, String message, Duration retryAfter) {
    Kind kind =
        status == 429
            ? Kind.RATE_LIMITED
            : status >= 500 || status == 408 ? Kind.SERVER_ERROR : Kind.REFUSED;
    return new ProviderFailure(
        kind, status, provider + " answered " + status + ": " + message, retryAfter, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The provider's HTTP status, or 0 when there was none (timeout, connection, cut-off stream). */
  public int status() {
    return status;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
