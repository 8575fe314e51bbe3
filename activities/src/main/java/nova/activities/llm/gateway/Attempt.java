package nova.activities.llm.gateway;

import java.time.Duration;

/**
 * One model of a chain that did not answer: called and failed, or skipped (circuit open, rate
 * limited).
 */
public record Attempt(
    String model, String outcome, int status, String message, Duration retryAfter) {}
