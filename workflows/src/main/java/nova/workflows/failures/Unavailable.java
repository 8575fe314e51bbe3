package nova.workflows.failures;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A part Nova needs does not answer (PostgreSQL, Redis, Temporal, a model), so the request cannot
 * be served now; the detail names the part.
 */
public final class Unavailable extends Refusal {
  private final String part;
  private final Duration retryAfter;

  /** {@code retryAfter}: null when waiting alone will not bring the part back. */
  public Unavailable(String part, String message, Map<String, Object> detail, Duration retryAfter) {
    super(message, withPart(part, detail));
    this.part = part;
    this.retryAfter = retryAfter;
  }

  public String part() {
    return part;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static Map<String, Object> withPart(String part, Map<String, Object> detail) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("part", part);
    all.putAll(detail);
    return all;
  }
}
