package nova.web.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Login attempts counted per username and per client address in Redis, so every Nova server sees
 * the same counts. Each attempt is counted before its password is hashed, so a burst of
 * simultaneous guesses is cut off at the limit rather than all hashed: past the limit an attempt is
 * refused until the window ends. A success clears its username's count and takes itself off the
 * address's, so the address count is of failures (and attempts still being checked).
 */
public final class LoginThrottle {
  static final int PER_USER = 5;
  static final int PER_ADDRESS = 50;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private final RedisClient redis;

  public LoginThrottle(RedisClient redis) {
    this.redis = redis;
  }

  /** Counts an attempt; if this username or address is past its limit, how long to wait instead. */
  public Optional<Duration> attempt(String username, String address) {
    try {
      long wait =
          Math.max(count(userKey(username), PER_USER), count(addressKey(address), PER_ADDRESS));
      return wait > 0 ? Optional.of(Duration.ofSeconds(wait)) : Optional.empty();
    } catch (JedisException e) {
      // Redis down must not lock every person out; the bounded hashing pool still caps the cost of
      // a burst.
      LOG.warn("login throttle unavailable, allowing the attempt: {}", e.toString());
      return Optional.empty();
    }
  }

  public void succeeded(String username, String address) {
    try {
      redis.del(userKey(username));
      if (redis.decr(addressKey(address)) < 0) redis.del(addressKey(address));
    } catch (JedisException e) {
      LOG.warn("could not reset failed logins: {}", e.toString());
    }
  }

  /**
   * Counts one more attempt under the key; answers the seconds to wait if that passes the limit,
   * else 0.
   */
  private long count(String key, int limit) {
    long count = redis.incr(key);
    long ttl = count == 1 ? -1 : redis.ttl(key);
    // a first count, or one whose expiry was never set (the EXPIRE after an INCR failed): the
    // window starts now
    if (ttl < 0) {
      redis.expire(key, WINDOW.toSeconds());
      ttl = WINDOW.toSeconds();
    }
    return count <= limit ? 0 : ttl;
  }

  private static String userKey(String username) {
    return "nova:login-failures:user:"
        + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "nova:login-failures:address:" + address;
  }
}
