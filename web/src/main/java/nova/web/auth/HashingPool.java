package nova.web.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import nova.workflows.failures.RateLimited;

/**
 * Password hashing, a few at a time: each Argon2id hash takes 19 MiB and a core for a while, so a
 * burst of logins would otherwise take the heap and the CPU from everyone else. At most {@code
 * atOnce} hashes run; up to {@code queue} more wait; beyond that a request is refused with 429 at
 * once, without hashing.
 */
final class HashingPool {
  static final HashingPool SHARED =
      new HashingPool(Math.max(2, Runtime.getRuntime().availableProcessors()), 16);
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  private final int atOnce;
  private final int queue;
  private final Semaphore running;
  private final AtomicInteger inside = new AtomicInteger();

  HashingPool(int atOnce, int queue) {
    this.atOnce = atOnce;
    this.queue = queue;
    this.running = new Semaphore(atOnce, true);
  }

  /** Hashes running and waiting now. */
  int inside() {
    return inside.get();
  }

  <T> T run(Supplier<T> hashing) {
    if (inside.incrementAndGet() > atOnce + queue) {
      inside.decrementAndGet();
      throw new RateLimited(
          "the server is busy checking other passwords; try again in a second",
          RETRY_AFTER,
          Map.of("hashing_at_once", atOnce, "waiting_at_most", queue));
    }
    try {
      running.acquire();
      try {
        return hashing.get();
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to check a password", e);
    } finally {
      inside.decrementAndGet();
    }
  }
}
