package nova.workflows.failures;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The caller has used its allowance for now; {@link #retryAfter()} says when the next fits. */
public final class RateLimited extends Refusal {
  private final Duration retryAfter;

  public RateLimited(String message, Duration retryAfter, Map<String, Object> detail) {
    super(message, detail);
    this.retryAfter = retryAfter;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(retryAfter);
  }
}
