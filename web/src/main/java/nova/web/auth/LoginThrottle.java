package nova.web.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Failed logins counted per username and per client address in Redis, so every Nova server
 * sees the same counts. Past a limit, logins are refused until the window ends, before any
 * password is hashed: guessing costs the guesser time and not the server CPU.
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

  /** How long to wait before trying again, if this username or address is locked out. */
  public Optional<Duration> lockedOut(String username, String address) {
    try {
      long wait = Math.max(waitFor(userKey(username), PER_USER), waitFor(addressKey(address), PER_ADDRESS));
      return wait > 0 ? Optional.of(Duration.ofSeconds(wait)) : Optional.empty();
    } catch (JedisException e) {
      // Redis down must not lock every person out; Argon2id still makes each guess slow.
      LOG.warn("login throttle unavailable, allowing the attempt: {}", e.toString());
      return Optional.empty();
    }
  }

  public void failed(String username, String address) {
    try {
      count(userKey(username));
      count(addressKey(address));
    } catch (JedisException e) {
      LOG.warn("could not count a failed login: {}", e.toString());
    }
  }

  public void succeeded(String username) {
    try {
      redis.del(userKey(username));
    } catch (JedisException e) {
      LOG.warn("could not reset failed logins: {}", e.toString());
    }
  }

  private long waitFor(String key, int limit) {
    String count = redis.get(key);
    if (count == null || Long.parseLong(count) < limit) return 0;
    long ttl = redis.ttl(key);
    return ttl > 0 ? ttl : WINDOW.toSeconds();
  }

  private void count(String key) {
    if (redis.incr(key) == 1) redis.expire(key, WINDOW.toSeconds());
  }

  private static String userKey(String username) {
    return "nova:login-failures:user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "nova:login-failures:address:" + address;
  }
}
