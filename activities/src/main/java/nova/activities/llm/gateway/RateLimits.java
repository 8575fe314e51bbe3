package nova.activities.llm.gateway;

import java.time.Duration;
import java.util.Optional;

/** Allowances of calls a minute, shared by every server through Redis. */
public interface RateLimits {
  /**
   * Takes one call from {@code bucket}'s allowance of {@code perMinute}; empty when allowed, else
   * how long to wait.
   */
  Optional<Duration> take(String bucket, int perMinute);
}
