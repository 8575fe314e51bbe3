package nova.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nova.web.errors.RefusalMapper;
import nova.workflows.failures.RateLimited;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
  @Test
  void oneMoreThanItRunsAndHoldsIsRefusedAtOnceAndTheOthersFinish() throws Exception {
    HashingPool pool = new HashingPool(1, 1);
    // threads of their own: the common pool may have one thread on a 2-core machine
    var threads = Executors.newVirtualThreadPerTaskExecutor();
    CountDownLatch hashing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> running =
        CompletableFuture.supplyAsync(
            () ->
                pool.run(
                    () -> {
                      hashing.countDown();
                      await(release);
                      return "first";
                    }),
            threads);
    assertThat(hashing.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> waiting =
        CompletableFuture.supplyAsync(() -> pool.run(() -> "second"), threads);
    // the second is inside (waiting for the one permit) before the third arrives
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (pool.inside() < 2 && System.nanoTime() < deadline) Thread.sleep(1);
    assertThat(pool.inside()).as("running and waiting").isEqualTo(2);

    assertThatThrownBy(() -> pool.run(() -> "third"))
        .isInstanceOfSatisfying(
            RateLimited.class,
            e -> {
              assertThat(RefusalMapper.statusOf(e)).isEqualTo(429);
              assertThat(e.retryAfter()).isPresent();
            });
    release.countDown();
    assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(pool.run(() -> "after")).as("room again").isEqualTo("after");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
