package nova.web.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** One-time registration tokens, stored as SHA-256 hashes. */
@RegisterConstructorMapper(RegistrationTokenDao.Token.class)
public interface RegistrationTokenDao {
  record Token(
      UUID id,
      UUID projectId,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant usedAt,
      UUID serverId) {}

  @SqlUpdate(
      """
      INSERT INTO registration_tokens (id, project_id, token_hash, created_by, expires_at)
      VALUES (:id, :projectId, :hash, :createdBy, :expiresAt)\
      """)
  void insert(UUID id, UUID projectId, String hash, String createdBy, Instant expiresAt);

  /**
   * Marks the token used, if it is unused and unexpired; the row lock makes a second use wait and
   * then fail.
   */
  @SqlQuery(
      """
      UPDATE registration_tokens SET used_at = now()
      WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
      RETURNING id, project_id, created_by, created_at, expires_at, used_at, server_id\
      """)
  Optional<Token> consume(String hash);

  @SqlUpdate("UPDATE registration_tokens SET server_id = :serverId WHERE id = :id")
  void linkServer(UUID id, UUID serverId);

  @SqlQuery(
      "SELECT id, project_id, created_by, created_at, expires_at, used_at, server_id FROM"
          + " registration_tokens ORDER BY created_at DESC LIMIT 50")
  List<Token> recent();
}
