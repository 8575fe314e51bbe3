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

  /**
   * {@code part}: one of Nova's platform parts (postgresql, redis, temporal), named in the detail,
   * or null for something else that is missing; {@code retryAfter}: null when waiting alone will
   * not bring it back.
   */
  public Unavailable(String part, String message, Map<String, Object> detail, Duration retryAfter) {
    super(message, withPart(part, detail));
    this.part = part;
    this.retryAfter = retryAfter;
  }

  public Optional<String> part() {
    return Optional.ofNullable(part);
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  private static Map<String, Object> withPart(String part, Map<String, Object> detail) {
    Map<String, Object> all = new LinkedHashMap<>();
    if (part != null) all.put("part", part);
    all.putAll(detail);
    return all;
  }
}
