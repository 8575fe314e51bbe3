package nova.web.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** API keys, stored only as SHA-256 hashes of 256 random bits. */
@RegisterConstructorMapper(ApiKeyDao.Key.class)
public interface ApiKeyDao {
  record Key(
      UUID id,
      String name,
      String prefix,
      String role,
      UUID serverId,
      String createdBy,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {}

  @SqlQuery("SELECT * FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
  Optional<Key> active(String hash);

  @SqlQuery("SELECT * FROM api_keys ORDER BY created_at DESC")
  List<Key> all();

  /** Of these keys, the ones not revoked. */
  @SqlQuery("SELECT id FROM api_keys WHERE id = ANY(:ids) AND revoked_at IS NULL")
  List<UUID> activeOf(UUID[] ids);

  @SqlQuery("SELECT * FROM api_keys WHERE id = :id")
  Optional<Key> byId(UUID id);

  @SqlUpdate(
      """
      INSERT INTO api_keys (id, name, prefix, key_hash, role, server_id, created_by)
      VALUES (:id, :name, :prefix, :hash, :role, :serverId, :createdBy)\
      """)
  void insert(
      UUID id,
      String name,
      String prefix,
      String hash,
      String role,
      UUID serverId,
      String createdBy);

  @SqlUpdate("UPDATE api_keys SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
  int revoke(UUID id);

  /** Written at most once a minute per key, so a busy agent does not write on every call. */
  @SqlUpdate(
      "UPDATE api_keys SET last_used_at = now() WHERE id = :id AND (last_used_at IS NULL OR"
          + " last_used_at < now() - interval '1 minute')")
  void touch(UUID id);
}
