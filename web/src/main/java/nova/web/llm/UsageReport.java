package nova.web.llm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Usage totals over the last {@code days}: by model, by agent and by day (UTC), calls that failed
 * over counted apart.
 */
public record UsageReport(
    int days, Totals total, List<ByModel> byModel, List<ByAgent> byAgent, List<ByDay> byDay) {
  public record Totals(
      long calls, long failed, long inputTokens, long outputTokens, BigDecimal costUsd) {}

  public record ByModel(
      String provider,
      String model,
      long calls,
      long failed,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd,
      int p50LatencyMs) {}

  public record ByAgent(
      String agentId,
      String agent,
      long calls,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd) {}

  public record ByDay(
      LocalDate day,
      long calls,
      long failed,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd) {}

  /** The largest daily token count, the chart's scale. */
  public long peakTokens() {
    return byDay.stream().mapToLong(d -> d.inputTokens() + d.outputTokens()).max().orElse(0);
  }
}
