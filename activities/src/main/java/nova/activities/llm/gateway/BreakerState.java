package nova.activities.llm.gateway;

import java.time.Instant;

/**
 * A provider's circuit as the admin app shows it: closed, open until a time, or half-open, with the
 * failure rate over its latest calls.
 */
public record BreakerState(
    String provider, String state, Instant until, float failureRate, int calls) {}
