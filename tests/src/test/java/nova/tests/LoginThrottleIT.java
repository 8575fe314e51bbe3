package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import nova.web.auth.LoginThrottle;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The login throttle against the real Redis, and without one. */
class LoginThrottleIT {
  @Test
  void fiftyFailuresFromOneAddressLockItOutWhateverTheUsername() {
    try (RedisClient redis = RedisClient.create(System.getenv("REDIS_URL"))) {
      LoginThrottle throttle = new LoginThrottle(redis);
      String address = "203.0.113." + (int) (Math.random() * 250);
      redis.del("nova:login-failures:address:" + address);
      for (int i = 0; i < 50; i++) {
        assertThat(throttle.lockedOut("user-" + i + "-" + UUID.randomUUID(), address)).as("attempt %d", i).isEmpty();
        throttle.failed("user-" + i + "-" + UUID.randomUUID(), address);
      }

      assertThat(throttle.lockedOut("someone-new", address)).hasValueSatisfying(
          wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(15)));
      assertThat(throttle.lockedOut("someone-new", "198.51.100.1")).isEmpty();
    }
  }

  @Test
  void withRedisDownLoginsAreNeitherBlockedNorBroken() {
    try (RedisClient down = RedisClient.create("redis://127.0.0.1:1")) {
      LoginThrottle throttle = new LoginThrottle(down);
      throttle.failed("admin", "127.0.0.1");
      throttle.succeeded("admin");
      assertThat(throttle.lockedOut("admin", "127.0.0.1")).isEmpty();
    }
  }
}
