package nova.web.llm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads llm_usage for the usage page and GET /api/v1/usage; every day of the range appears, empty
 * ones as zero.
 */
public final class UsageDao {
  public static final int MAX_DAYS = 366;
  private static final String SINCE =
      " u.at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days"
          + " => :days - 1)";
  private final Jdbi jdbi;

  public UsageDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public UsageReport report(int days) {
    return jdbi.withHandle(
        h -> {
          UsageReport.Totals total =
              h.createQuery(
                      """
                      SELECT count(*) FILTER (WHERE outcome = 'ok') AS calls,
                        count(*) FILTER (WHERE outcome <> 'ok') AS failed,
                        coalesce(sum(input_tokens), 0) AS input_tokens,
                          coalesce(sum(output_tokens), 0) AS output_tokens, coalesce(sum(cost_usd),
                          0) AS cost_usd
                      FROM llm_usage u WHERE\
                      """
                          + SINCE)
                  .bind("days", days)
                  .map(
                      (rs, ctx) ->
                          new UsageReport.Totals(
                              rs.getLong("calls"),
                              rs.getLong("failed"),
                              rs.getLong("input_tokens"),
                              rs.getLong("output_tokens"),
                              rs.getBigDecimal("cost_usd")))
                  .one();
          List<UsageReport.ByModel> byModel =
              h.createQuery(
                      """
                      SELECT provider, model, count(*) FILTER (WHERE outcome = 'ok') AS calls,
                        count(*) FILTER (WHERE outcome <> 'ok') AS failed,
                        sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                          sum(cost_usd) AS cost_usd,
                        coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER
                          (WHERE outcome = 'ok'), 0) AS p50
                      FROM llm_usage u WHERE\
                      """
                          + SINCE
                          + " GROUP BY provider, model ORDER BY sum(cost_usd) DESC, count(*) DESC")
                  .bind("days", days)
                  .map(
                      (rs, ctx) ->
                          new UsageReport.ByModel(
                              rs.getString("provider"),
                              rs.getString("model"),
                              rs.getLong("calls"),
                              rs.getLong("failed"),
                              rs.getLong("input_tokens"),
                              rs.getLong("output_tokens"),
                              rs.getBigDecimal("cost_usd"),
                              rs.getInt("p50")))
                  .list();
          List<UsageReport.ByAgent> byAgent =
              h.createQuery(
                      """
                      SELECT u.agent_id::text AS agent_id, coalesce(a.name,
                        CASE WHEN u.agent_id IS NULL THEN 'no agent (direct API calls)' ELSE
                        'deleted agent' END) AS agent,
                        count(*) AS calls, sum(input_tokens) AS input_tokens,
                          sum(output_tokens) AS output_tokens, sum(cost_usd) AS cost_usd
                      FROM llm_usage u LEFT JOIN agents a ON a.id = u.agent_id
                        WHERE u.outcome = 'ok' AND\
                      """
                          + SINCE
                          + """
                          GROUP BY u.agent_id, a.name ORDER BY sum(cost_usd) DESC, count(*) DESC\
                          """)
                  .bind("days", days)
                  .map(
                      (rs, ctx) ->
                          new UsageReport.ByAgent(
                              rs.getString("agent_id"),
                              rs.getString("agent"),
                              rs.getLong("calls"),
                              rs.getLong("input_tokens"),
                              rs.getLong("output_tokens"),
                              rs.getBigDecimal("cost_usd")))
                  .list();
          Map<LocalDate, UsageReport.ByDay> stored =
              h
                  .createQuery(
                      """
                      SELECT (at AT TIME ZONE 'UTC')::date AS day,
                        count(*) FILTER (WHERE outcome = 'ok') AS calls,
                        count(*) FILTER (WHERE outcome <> 'ok') AS failed,
                        sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                          sum(cost_usd) AS cost_usd
                      FROM llm_usage u WHERE\
                      """
                          + SINCE
                          + " GROUP BY 1")
                  .bind("days", days)
                  .map(
                      (rs, ctx) ->
                          new UsageReport.ByDay(
                              rs.getObject("day", LocalDate.class),
                              rs.getLong("calls"),
                              rs.getLong("failed"),
                              rs.getLong("input_tokens"),
                              rs.getLong("output_tokens"),
                              rs.getBigDecimal("cost_usd")))
                  .stream()
                  .collect(Collectors.toMap(UsageReport.ByDay::day, Function.identity()));
          List<UsageReport.ByDay> byDay = new ArrayList<>();
          LocalDate today = LocalDate.now(ZoneOffset.UTC);
          for (LocalDate d = today.minusDays(days - 1); !d.isAfter(today); d = d.plusDays(1)) {
            byDay.add(
                stored.getOrDefault(d, new UsageReport.ByDay(d, 0, 0, 0, 0, BigDecimal.ZERO)));
          }
          return new UsageReport(days, total, byModel, byAgent, byDay);
        });
  }
}
