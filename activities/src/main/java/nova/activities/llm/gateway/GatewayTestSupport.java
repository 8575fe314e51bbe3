package nova.activities.llm.gateway;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import redis.clients.jedis.RedisClient;

/**
 * Doors for tests that check one part of the gateway alone, without the whole of {@link
 * LlmServices} (which writes nova.yml's providers when it starts). The product never uses it.
 */
public final class GatewayTestSupport {
  private GatewayTestSupport() {}

  public static RateLimits rateLimits(RedisClient redis) {
    return new RateLimiter(redis);
  }

  /** Stores a text as a workflow's model call does, returning its id. */
  public static UUID saveText(Jdbi jdbi, String body) {
    return new LlmTextDao(jdbi).save(body);
  }

  public static Optional<String> text(Jdbi jdbi, UUID id) {
    return new LlmTextDao(jdbi).body(id);
  }
}
