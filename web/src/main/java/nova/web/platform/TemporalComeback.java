package nova.web.platform;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each time Temporal comes up (at start, or back after an outage): starts the workers if they are
 * not yet (after an outage: new ones, see {@link Temporal#renewWorkers}), then re-creates the task
 * workflows Temporal no longer knows (a Temporal that came back empty). Retried every 2 s until
 * both succeed, so a database that is down at the same moment only delays it.
 */
public final class TemporalComeback implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalComeback.class);
  private final Temporal temporal;
  private final IntSupplier resumeLost;
  private final Semaphore due = new Semaphore(0);
  private final AtomicBoolean seenUp = new AtomicBoolean();
  private final AtomicBoolean afterOutage = new AtomicBoolean();
  private volatile boolean running;
  private Thread thread;

  public TemporalComeback(Temporal temporal, IntSupplier resumeLost) {
    this.temporal = temporal;
    this.resumeLost = resumeLost;
  }

  /** Temporal answers again (or for the first time). */
  public void temporalUp() {
    if (seenUp.getAndSet(true)) afterOutage.set(true);
    due.release();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("temporal-comeback").start(this::loop);
  }

  private void loop() {
    while (running) {
      try {
        due.acquire();
        due.drainPermits();
        while (running && !catchUp()) Thread.sleep(2000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private boolean catchUp() {
    try {
      if (afterOutage.getAndSet(false)) {
        renewWorkers();
      } else {
        temporal.startWorkers();
      }
      int resumed = resumeLost.getAsInt();
      if (resumed > 0)
        LOG.warn("re-created {} unfinished tasks whose workflows Temporal no longer had", resumed);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Temporal answers, but catching up failed; trying again in 2 s: {}", e.toString());
      return false;
    }
  }

  private void renewWorkers() {
    try {
      temporal.renewWorkers();
    } catch (RuntimeException failed) {
      afterOutage.set(true); // the next try renews them again
      throw failed;
    }
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) thread.interrupt();
  }
}
