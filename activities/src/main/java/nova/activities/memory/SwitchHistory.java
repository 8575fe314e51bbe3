package nova.activities.memory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Model switches as recorded, the one under way with its progress: the new model's chunks against
 * the active one's.
 */
final class SwitchHistory {
  private final Jdbi jdbi;

  SwitchHistory(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public List<SwitchEntry> recent(int limit) {
    return jdbi.withHandle(
        h -> query(h, "ORDER BY started_at DESC, id LIMIT " + Math.max(1, limit)));
  }

  public Optional<SwitchEntry> underWay() {
    return jdbi.withHandle(
        h ->
            query(h, "WHERE status = 'building' ORDER BY started_at DESC LIMIT 1").stream()
                .findFirst());
  }

  private static List<SwitchEntry> query(Handle h, String tail) {
    return h.createQuery(
            """
            SELECT s.*,
              CASE WHEN s.status = 'building' THEN (SELECT count(*) FROM memory_chunks c
                WHERE c.model = s.model) END AS embedded,
              CASE WHEN s.status = 'building' THEN (SELECT count(*)
                FROM memory_chunks c JOIN memory_models m
                ON m.model = c.model AND m.status = 'active') END AS total
            FROM memory_model_switches s\s\
            """
                + tail)
        .map(
            (rs, ctx) -> {
              Long embedded = rs.getObject("embedded", Long.class);
              Long total = rs.getObject("total", Long.class);
              Double progress =
                  switch (rs.getString("status")) {
                    case "building" -> total == 0 ? 1.0 : Math.min(1.0, (double) embedded / total);
                    case "done" -> 1.0;
                    default -> null;
                  };
              return new SwitchEntry(
                  rs.getObject("id", UUID.class),
                  rs.getString("model"),
                  rs.getString("previous_model"),
                  rs.getObject("dimensions", Integer.class),
                  rs.getString("status"),
                  rs.getString("reason"),
                  rs.getString("requested_by"),
                  instant(rs.getObject("started_at", OffsetDateTime.class)),
                  instant(rs.getObject("ended_at", OffsetDateTime.class)),
                  embedded,
                  total,
                  progress);
            })
        .list();
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
