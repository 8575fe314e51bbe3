package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nova.activities.llm.gateway.GatewayTestSupport;
import nova.activities.llm.gateway.RateLimits;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The gateway's Redis rate limit against the real Redis: the allowance, the wait it names, separate
 * buckets, and no overshoot under contention.
 */
class RateLimiterIT {
  private static RedisClient redis() {
    return RedisClient.create(System.getenv("REDIS_URL"));
  }

  @Test
  void aMinutesAllowanceThenAWaitOfOneIntervalAndBucketsAreSeparate() {
    try (RedisClient redis = redis()) {
      RateLimits limiter = GatewayTestSupport.rateLimits(redis);
      String bucket = Fixtures.unique("bucket");
      for (int i = 0; i < 6; i++) assertThat(limiter.take(bucket, 6)).as("request %d", i).isEmpty();
      Optional<Duration> wait = limiter.take(bucket, 6);
      // six a minute: the next fits ten seconds after the first
      assertThat(wait)
          .hasValueSatisfying(
              w -> assertThat(w).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10)));
      assertThat(limiter.take(Fixtures.unique("other"), 6)).isEmpty();
    }
  }

  @Test
  void concurrentCallersFromManyThreadsGetExactlyTheAllowance() throws Exception {
    try (RedisClient redis = redis();
        ExecutorService pool = Executors.newFixedThreadPool(8)) {
      RateLimits limiter = GatewayTestSupport.rateLimits(redis);
      String bucket = Fixtures.unique("contended");
      AtomicInteger allowed = new AtomicInteger();
      for (int i = 0; i < 200; i++)
        pool.submit(
            () -> limiter.take(bucket, 50).ifPresentOrElse(w -> {}, allowed::incrementAndGet));
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      // 200 calls within a second or two: 50 allowed at once, plus at most the two or three that
      // drip in meanwhile
      assertThat(allowed.get()).isBetween(50, 54);
    }
  }
}
