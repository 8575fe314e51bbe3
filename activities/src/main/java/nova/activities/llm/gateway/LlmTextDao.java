package nova.activities.llm.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Prompt and answer texts (llm_texts), stored once by content: saving the same text again returns
 * the same id, so a retried save never writes twice.
 */
final class LlmTextDao {
  private final Jdbi jdbi;

  LlmTextDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public UUID save(String body) {
    return jdbi.withHandle(h -> save(h, body));
  }

  static UUID save(Handle h, String body) {
    byte[] sha = sha256(body);
    // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING gives the existing row's id too
    return h.createQuery(
            """
            INSERT INTO llm_texts (id, sha256, body) VALUES (:id, :sha, :body)
            ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256 RETURNING id\
            """)
        .bind("id", UUID.nameUUIDFromBytes(sha))
        .bind("sha", sha)
        .bind("body", body)
        .mapTo(UUID.class)
        .one();
  }

  public Optional<String> body(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT body FROM llm_texts WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne());
  }

  /** The bodies of the ids that exist; a missing id is simply absent from the map. */
  public Map<UUID, String> bodies(Collection<UUID> ids) {
    if (ids.isEmpty()) return Map.of();
    return jdbi.withHandle(
        h ->
            h
                .createQuery("SELECT id, body FROM llm_texts WHERE id = ANY(:ids)")
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("body")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  private static byte[] sha256(String body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
