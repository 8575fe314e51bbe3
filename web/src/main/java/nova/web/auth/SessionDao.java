package nova.web.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The admin app's sessions, by the hash of their cookie's token. */
@RegisterConstructorMapper(SessionDao.Row.class)
public interface SessionDao {
  record Row(
      String id,
      UUID userId,
      Instant createdAt,
      Instant lastSeenAt,
      Instant expiresAt,
      Instant revokedAt) {}

  @SqlUpdate(
      """
      INSERT INTO admin_sessions (id, user_id, created_at, last_seen_at, expires_at, address,
        user_agent)
      VALUES (:id, :userId, :now, :now, :expires, :address, :userAgent)\
      """)
  void insert(
      String id, UUID userId, Instant now, Instant expires, String address, String userAgent);

  @SqlQuery(
      "SELECT id, user_id, created_at, last_seen_at, expires_at, revoked_at FROM admin_sessions"
          + " WHERE id = :id")
  Optional<Row> byId(String id);

  @SqlUpdate("UPDATE admin_sessions SET last_seen_at = :now WHERE id = :id AND revoked_at IS NULL")
  void touch(String id, Instant now);

  @SqlUpdate("UPDATE admin_sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
  int revoke(String id, Instant now);

  @SqlQuery(
      "UPDATE admin_sessions SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL"
          + " RETURNING id")
  List<String> revokeAll(UUID userId, Instant now);

  /** Of these sessions, the ones still open (not revoked, not expired, not idle too long). */
  @SqlQuery(
      """
      SELECT id FROM admin_sessions WHERE id = ANY(:ids) AND revoked_at IS NULL
        AND expires_at > :now
        AND last_seen_at > :idleSince\
      """)
  List<String> open(String[] ids, Instant now, Instant idleSince);

  /** Ended sessions are kept a day for the audit, then dropped. */
  @SqlUpdate(
      "DELETE FROM admin_sessions WHERE expires_at < :before OR revoked_at < :before OR"
          + " last_seen_at < :idleBefore")
  int forgetOld(Instant before, Instant idleBefore);
}
