package nova.activities.llm.gateway;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Heartbeats a streaming call's progress (characters received so far) at a third of its heartbeat
 * timeout, from its own thread, so a slow first token does not look like a dead worker. A
 * cancellation or timeout the heartbeat learns of is thrown at the next delta.
 */
final class Heartbeats implements AutoCloseable {
  private static final Duration SHORTEST = Duration.ofMillis(100);
  private final ActivityExecutionContext activity;
  private final AtomicLong received = new AtomicLong();
  private final AtomicReference<ActivityCompletionException> ended = new AtomicReference<>();
  private final Thread ticker;

  Heartbeats(ActivityExecutionContext activity) {
    this.activity = activity;
    Duration timeout = activity.getInfo().getHeartbeatTimeout();
    Duration every = timeout.isZero() ? Duration.ofSeconds(10) : timeout.dividedBy(3);
    Duration interval = every.compareTo(SHORTEST) < 0 ? SHORTEST : every;
    this.ticker =
        Thread.ofVirtual()
            .name("llm-heartbeat-" + activity.getInfo().getActivityId())
            .start(() -> beat(interval));
  }

  void received(int chars) {
    received.addAndGet(chars);
    ActivityCompletionException end = ended.get();
    if (end != null) throw end;
  }

  private void beat(Duration interval) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        activity.heartbeat(received.get());
        Thread.sleep(interval);
      }
    } catch (ActivityCompletionException e) {
      ended.set(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    ticker.interrupt();
  }
}
