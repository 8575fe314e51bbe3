package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertThat(throttle.attempt("user-" + i + "-" + UUID.randomUUID(), address))
            .as("attempt %d", i)
            .isEmpty();
      }

      assertThat(throttle.attempt("someone-new", address))
          .hasValueSatisfying(
              wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(15)));
      assertThat(
              throttle.attempt(
                  "someone-new-" + UUID.randomUUID(), "198.51.100." + (int) (Math.random() * 250)))
          .isEmpty();
    }
  }

  @Test
  void aBurstOfSimultaneousAttemptsIsCutOffAtTheLimitBeforeAnyPasswordIsHashed() throws Exception {
    try (RedisClient redis = RedisClient.create(System.getenv("REDIS_URL"))) {
      LoginThrottle throttle = new LoginThrottle(redis);
      String user = "burst-" + UUID.randomUUID();
      String address = "192.0.2." + (int) (Math.random() * 250);
      redis.del("nova:login-failures:address:" + address);
      var allowed = new AtomicInteger();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        var start = new CountDownLatch(1);
        for (int i = 0; i < 30; i++) {
          threads.submit(
              () -> {
                start.await();
                if (throttle.attempt(user, address).isEmpty()) allowed.incrementAndGet();
                return null;
              });
        }
        start.countDown();
      }
      // Counted when it failed, all 30 would have passed the check before the first failure was
      // counted.
      assertThat(allowed.get()).as("attempts let through to the password check").isEqualTo(5);
    }
  }

  @Test
  void aSuccessClearsTheUsernameAndDoesNotCountAgainstTheAddress() {
    try (RedisClient redis = RedisClient.create(System.getenv("REDIS_URL"))) {
      LoginThrottle throttle = new LoginThrottle(redis);
      String user = "ok-" + UUID.randomUUID();
      String address = "192.0.2." + (int) (Math.random() * 250);
      redis.del("nova:login-failures:address:" + address);
      for (int i = 0; i < 60; i++) {
        assertThat(throttle.attempt(user, address)).as("login %d", i).isEmpty();
        throttle.succeeded(user, address);
      }
    }
  }

  @Test
  void withRedisDownLoginsAreNeitherBlockedNorBroken() {
    try (RedisClient down = RedisClient.create("redis://127.0.0.1:1")) {
      LoginThrottle throttle = new LoginThrottle(down);
      assertThat(throttle.attempt("admin", "127.0.0.1")).isEmpty();
      throttle.succeeded("admin", "127.0.0.1");
    }
  }
}
