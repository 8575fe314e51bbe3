package nova.activities.llm.gateway;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One provider call as the usage table keeps it; {@code outcome} is "ok" or the failure kind that
 * moved the call on.
 */
public record UsageRow(
    UUID id,
    Instant at,
    String provider,
    String model,
    String requested,
    UUID agentId,
    String caller,
    String outcome,
    int status,
    boolean streamed,
    long inputTokens,
    long outputTokens,
    int latencyMs,
    BigDecimal costUsd) {}
