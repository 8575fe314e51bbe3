package nova.workflows.failures;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Something Nova refuses, in the domain's words: a sentence saying what is wrong and what is
 * allowed, and details a caller can act on. Each kind means one thing, so the REST API, the admin
 * app, a Telegram chat or a workflow can each answer it in its own way.
 */
public abstract class Refusal extends RuntimeException {
  private final Map<String, Object> detail;

  protected Refusal(String message, Map<String, Object> detail) {
    super(message);
    // a copy in the given order, which JSON keeps; a value may be null (not known)
    this.detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
  }

  public Map<String, Object> detail() {
    return detail;
  }

  /** When asking again may succeed; empty when waiting does not help. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
