package nova.web.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** People who log in to the admin app. */
@RegisterConstructorMapper(AdminUserDao.User.class)
public interface AdminUserDao {
  record User(
      UUID id,
      String username,
      String passwordHash,
      String role,
      Instant createdAt,
      Instant sessionsRevokedAt) {
    /** A session issued before the user last revoked their sessions is void. */
    public boolean accepts(Instant sessionIssued) {
      return sessionsRevokedAt == null || !sessionIssued.isBefore(sessionsRevokedAt);
    }
  }

  @SqlQuery("SELECT * FROM admin_users WHERE username = :username")
  Optional<User> byName(String username);

  @SqlQuery("SELECT * FROM admin_users WHERE id = :id")
  Optional<User> byId(UUID id);

  @SqlQuery("SELECT * FROM admin_users ORDER BY username")
  List<User> all();

  @SqlQuery("SELECT count(*) FROM admin_users")
  int count();

  /** A new password ends every session issued before now. */
  @SqlUpdate(
      "UPDATE admin_users SET password_hash = :hash, sessions_revoked_at = :now WHERE id = :id")
  int changePassword(UUID id, String hash, Instant now);

  @SqlUpdate("UPDATE admin_users SET sessions_revoked_at = :now WHERE id = :id")
  int revokeSessions(UUID id, Instant now);

  /**
   * Locks every admin row, so that two people demoting or removing admins at once can't leave none.
   */
  @SqlQuery("SELECT id FROM admin_users WHERE role = 'admin' FOR UPDATE")
  List<UUID> lockAdmins();

  @SqlUpdate("UPDATE admin_users SET role = :role WHERE id = :id")
  int setRole(UUID id, String role);

  @SqlUpdate("DELETE FROM admin_users WHERE id = :id")
  int delete(UUID id);

  /** Returns 0 when the name is taken. */
  @SqlUpdate(
      """
      INSERT INTO admin_users (id, username, password_hash, role) VALUES (:id, :username, :hash,
        :role)
      ON CONFLICT (username) DO NOTHING\
      """)
  int insert(UUID id, String username, String hash, String role);
}
