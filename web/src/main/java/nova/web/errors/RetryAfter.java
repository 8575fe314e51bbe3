package nova.web.errors;

import java.time.Duration;

/** Retry-After as HTTP carries it: whole seconds, rounded up, at least one. */
public final class RetryAfter {
  private RetryAfter() {}

  public static String seconds(Duration wait) {
    return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
  }
}
