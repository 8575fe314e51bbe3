package nova.activities.llm.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nova.activities.llm.ProviderFailure;

/**
 * Keeps calls away from a provider that keeps failing: one circuit breaker per provider
 * (resilience4j) that opens when half of the last calls failed transiently, stays open for {@code
 * openFor}, then lets one call through to test it. A provider's own 429 with Retry-After also rests
 * it until then. Refusals of bad requests count for nothing: the provider is fine.
 */
final class Breakers {

  private final CircuitBreakerRegistry registry;
  private final Duration openFor;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
  private final Map<String, Instant> restUntil = new ConcurrentHashMap<>();

  Breakers(int window, Duration openFor) {
    this.openFor = openFor;
    this.registry =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(Math.max(2, window / 2))
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(e -> e instanceof ProviderFailure f && f.kind().transientFailure())
                .ignoreException(
                    e -> e instanceof ProviderFailure f && !f.kind().transientFailure())
                .build());
  }

  /**
   * Why this provider may not be called now, or empty when it may; a permission taken must be given
   * back through {@link #done}.
   */
  Optional<String> refusal(String provider, Instant now) {
    Instant rest = restUntil.get(provider);
    if (rest != null && rest.isAfter(now))
      return Optional.of(provider + " asked for a rest until " + rest);
    CircuitBreaker breaker = breaker(provider);
    if (breaker.tryAcquirePermission()) return Optional.empty();
    return Optional.of(
        provider
            + "'s circuit is open after repeated failures; next try after "
            + until(provider).orElse(now));
  }

  void done(String provider, long nanos, ProviderFailure failure) {
    CircuitBreaker breaker = breaker(provider);
    if (failure == null) breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    else breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    if (failure != null && failure.kind() == ProviderFailure.Kind.RATE_LIMITED) {
      failure.retryAfter().ifPresent(wait -> restUntil.put(provider, Instant.now().plus(wait)));
    }
  }

  /** The caller went away before the provider answered: neither a success nor a failure. */
  void abandoned(String provider) {
    breaker(provider).releasePermission();
  }

  /** When the provider may be called again, if it is resting or its circuit is open. */
  Optional<Instant> until(String provider) {
    Instant rest = restUntil.get(provider);
    CircuitBreaker breaker = breaker(provider);
    Instant open =
        breaker.getState() == CircuitBreaker.State.OPEN && openedAt.containsKey(provider)
            ? openedAt.get(provider).plus(openFor)
            : null;
    if (rest != null && rest.isBefore(Instant.now())) rest = null;
    if (rest == null) return Optional.ofNullable(open);
    return Optional.of(open == null || rest.isAfter(open) ? rest : open);
  }

  BreakerState state(String provider) {
    CircuitBreaker breaker = breaker(provider);
    Instant rest = restUntil.get(provider);
    String state =
        rest != null
                && rest.isAfter(Instant.now())
                && breaker.getState() == CircuitBreaker.State.CLOSED
            ? "resting"
            : breaker.getState().name().toLowerCase(Locale.ROOT);
    CircuitBreaker.Metrics metrics = breaker.getMetrics();
    return new BreakerState(
        provider,
        state,
        until(provider).orElse(null),
        Math.max(0, metrics.getFailureRate()),
        metrics.getNumberOfBufferedCalls());
  }

  private CircuitBreaker breaker(String provider) {
    return breakers.computeIfAbsent(
        provider,
        name -> {
          CircuitBreaker created = registry.circuitBreaker(name);
          created
              .getEventPublisher()
              .onStateTransition(
                  e -> {
                    if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN)
                      openedAt.put(name, Instant.now());
                  });
          return created;
        });
  }
}
