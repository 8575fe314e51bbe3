package nova.activities.llm.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Requests per minute per bucket (an API key, a provider), shared by every Nova server through
 * Redis. The generic cell rate algorithm in one script on Redis's clock: one key per bucket holding
 * the theoretical arrival time, a burst of up to the whole minute's allowance, and an exact wait
 * when refused, which becomes the Retry-After.
 */
final class RateLimiter implements RateLimits {
  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
  private static final long PERIOD_MS = 60_000;
  private static final String SCRIPT =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local period = tonumber(ARGV[2])
      local interval = period / tonumber(ARGV[1])
      local tat = tonumber(redis.call('GET', KEYS[1]) or now)
      if tat < now then tat = now end
      local next_tat = tat + interval
      local allowed_at = next_tat - period
      if allowed_at > now then return math.ceil(allowed_at - now) end
      redis.call('SET', KEYS[1], tostring(next_tat), 'PX', math.ceil(next_tat - now))
      return 0
      """;
  private final RedisClient redis;
  private volatile String sha;

  RateLimiter(RedisClient redis) {
    this.redis = redis;
  }

  /**
   * Takes one request from the bucket; the wait until the next one fits when the bucket is empty.
   */
  @Override
  public Optional<Duration> take(String bucket, int perMinute) {
    try {
      long waitMs = run("nova:rate:" + bucket, perMinute);
      return waitMs > 0 ? Optional.of(Duration.ofMillis(waitMs)) : Optional.empty();
    } catch (JedisException e) {
      // A limit is protection, not a gate: with Redis down, calls go on and the log says so.
      LOG.warn("rate limit {} unavailable, allowing the call: {}", bucket, e.toString());
      return Optional.empty();
    }
  }

  private long run(String key, int perMinute) {
    List<String> args = List.of(Integer.toString(perMinute), Long.toString(PERIOD_MS));
    if (sha == null) sha = redis.scriptLoad(SCRIPT);
    try {
      return (Long) redis.evalsha(sha, List.of(key), args);
    } catch (JedisNoScriptException e) {
      sha = redis.scriptLoad(SCRIPT); // Redis restarted and forgot it
      return (Long) redis.evalsha(sha, List.of(key), args);
    }
  }
}
