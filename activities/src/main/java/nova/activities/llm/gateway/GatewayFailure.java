package nova.activities.llm.gateway;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nova.activities.llm.ProviderFailure;

/**
 * No model of the chain answered. The status is what the caller gets: a provider's refusal of the
 * request keeps the provider's status and words; when every model failed transiently it is 429 if
 * rate limits were the reason (with the shortest wait), else the last failure's status.
 */
public final class GatewayFailure extends RuntimeException {
  private final int status;
  private final boolean transientFailure;
  private final Duration retryAfter;
  private final List<Attempt> attempts;

  GatewayFailure(
      int status,
      boolean transientFailure,
      String message,
      Duration retryAfter,
      List<Attempt> attempts) {
    super(message);
    this.status = status;
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
    this.attempts = List.copyOf(attempts);
  }

  static GatewayFailure refused(ProviderFailure failure, List<Attempt> attempts) {
    int status = failure.status() >= 400 ? failure.status() : 400;
    return new GatewayFailure(status, false, failure.getMessage(), null, attempts);
  }

  static GatewayFailure midStream(Route route, ProviderFailure failure, List<Attempt> attempts) {
    return new GatewayFailure(
        502,
        true,
        route.name()
            + " failed after the answer had begun, so no other model could take over: "
            + failure.getMessage(),
        null,
        attempts);
  }

  static GatewayFailure exhausted(List<Attempt> attempts) {
    Attempt last = attempts.getLast();
    Optional<Duration> wait =
        attempts.stream()
            .filter(a -> a.retryAfter() != null)
            .map(Attempt::retryAfter)
            .min(Comparator.naturalOrder());
    boolean limited =
        attempts.stream().allMatch(a -> a.status() == 429 || a.outcome().equals("circuit_open"));
    boolean allOpen = attempts.stream().allMatch(a -> a.outcome().equals("circuit_open"));
    int status =
        allOpen
            ? 503
            : limited
                ? 429
                : last.status() >= 500
                    ? last.status()
                    : switch (last.outcome()) {
                      case "timeout" -> 504;
                      default -> 502;
                    };
    String summary =
        attempts.size() == 1
            ? last.message()
            : "no model of the chain answered: "
                + String.join(
                    "; ", attempts.stream().map(a -> a.model() + ": " + a.message()).toList());
    return new GatewayFailure(status, true, summary, wait.orElse(null), attempts);
  }

  public int status() {
    return status;
  }

  /**
   * Worth retrying later (the chain failed on rate limits, outages or timeouts), as against a
   * request that is wrong.
   */
  public boolean transientFailure() {
    return transientFailure;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public List<Attempt> attempts() {
    return attempts;
  }
}
