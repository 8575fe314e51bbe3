package nova.web.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The active API key behind a secret, asked on every API and gateway call. A few seconds of memory
 * keep PostgreSQL off that path (the lookup was a third of the gateway's CPU); a revoke made here
 * drops the key at once, and {@link #REMEMBER} bounds how long a revoke made elsewhere takes.
 * Unknown secrets are not remembered, so a new key works on its first call.
 */
public final class ActiveKeys {
  static final Duration REMEMBER = Duration.ofSeconds(5);

  private final Jdbi jdbi;
  private final Cache<String, ApiKeyDao.Key> byHash =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBER).build();

  public ActiveKeys(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Optional<ApiKeyDao.Key> find(String secret) {
    String hash = Secrets.sha256(secret);
    ApiKeyDao.Key known = byHash.getIfPresent(hash);
    if (known != null) return Optional.of(known);
    Optional<ApiKeyDao.Key> found = jdbi.onDemand(ApiKeyDao.class).active(hash);
    found.ifPresent(key -> byHash.put(hash, key));
    return found;
  }

  public void forget(UUID id) {
    byHash.asMap().values().removeIf(key -> key.id().equals(id));
  }
}
