package nova.temporal;

import io.temporal.internal.testservice.StickyRedirects;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a real cluster does when a worker dies and the in-memory server does not: once nobody has
 * polled a sticky queue for {@link #SILENCE}, that queue's workflow tasks go to the normal queue,
 * where any live worker takes them (and, finding the workflow not in its cache, replays its
 * history). A new worker's first completed task makes the workflow sticky to it again.
 */
final class StickyFailover implements StickyPollers.Listener, AutoCloseable {
  /** Below a real cluster's sticky schedule-to-start timeout (5 s), so a restarted Nova finds its tasks waiting. */
  static final Duration SILENCE = Duration.ofSeconds(3);
  private static final Duration SWEEP = Duration.ofMillis(250);
  private final StickyRedirects redirects;
  private final StickyPollers pollers = new StickyPollers(System::nanoTime, this);
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sticky-failover");
    thread.setDaemon(true);
    return thread;
  });

  StickyFailover(StickyRedirects redirects) {
    this.redirects = redirects;
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  StickyPollers pollers() {
    return pollers;
  }

  private void sweep() {
    try {
      for (StickyPollers.StickyQueue queue : pollers.silentFor(SILENCE.toNanos())) {
        if (!redirects.redirected(queue.namespace(), queue.sticky())) {
          System.out.printf("sticky queue %s has had no poller for %d s: its workflow tasks go to %s%n",
              queue.sticky(), SILENCE.toSeconds(), queue.normal());
        }
        // Again on every sweep: a task can reach the old queue while it is being emptied.
        redirects.redirect(queue.namespace(), queue.sticky(), queue.normal());
      }
    } catch (RuntimeException e) {
      // A failed sweep must not end the schedule; the next one tries again.
      System.err.println("sticky failover sweep failed: " + e);
    }
  }

  @Override
  public void polled(StickyPollers.StickyQueue queue) {
    if (redirects.redirected(queue.namespace(), queue.sticky())) {
      System.out.printf("sticky queue %s is polled again: its workflow tasks go to it again%n", queue.sticky());
      redirects.restore(queue.namespace(), queue.sticky());
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
