package nova.web.auth;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the audit log, newest first. */
@RegisterConstructorMapper(SecurityEventDao.Event.class)
@RegisterConstructorMapper(SecurityEventDao.KindCount.class)
public interface SecurityEventDao {
  /** {@code detail}: a JSON object, passed through as it is stored. */
  record Event(
      long id,
      Instant at,
      String kind,
      String actor,
      String address,
      @JsonRawValue String detail) {}

  record KindCount(String kind, long count) {}

  /**
   * Up to {@code limit} events older than {@code before} (an id; null: the newest), of one kind or
   * all (null).
   */
  @SqlQuery(
      """
      SELECT id, at, kind, actor, address, detail::text AS detail FROM security_events
      WHERE (CAST(:kind AS text) IS NULL OR kind = :kind) AND (CAST(:before AS bigint) IS NULL
        OR id < :before)
      ORDER BY id DESC LIMIT :limit\
      """)
  List<Event> page(String kind, Long before, int limit);

  @SqlQuery(
      "SELECT kind, count(*) AS count FROM security_events WHERE at > :since GROUP BY kind ORDER BY"
          + " count DESC, kind")
  List<KindCount> countsSince(Instant since);
}
