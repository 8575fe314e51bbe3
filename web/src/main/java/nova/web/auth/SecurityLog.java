package nova.web.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nova.web.errors.Outage;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log (security_events), written in batches by one thread: a flood of refused requests
 * costs a queue slot each, not a database write each, and a database outage delays the log rather
 * than the requests. Events that find the queue full are counted, and the count is itself logged as
 * an event once there is room.
 */
public final class SecurityLog implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityLog.class);
  static final int QUEUE = 10_000;
  private static final int BATCH = 500;
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running;
  private Thread writer;

  record Event(Instant at, String kind, String actor, String address, Map<String, Object> detail) {}

  public SecurityLog(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** Records what the caller did or was refused. */
  public void record(String kind, Caller caller, Map<String, Object> detail) {
    record(kind, caller.actor(), caller.address(), detail);
  }

  public void record(String kind, String actor, String address, Map<String, Object> detail) {
    Map<String, Object> clean = new LinkedHashMap<>();
    detail.forEach((k, v) -> clean.put(k, v instanceof String text ? storable(text) : v));
    if (!queue.offer(new Event(Instant.now(), kind, storable(actor), storable(address), clean)))
      dropped.incrementAndGet();
  }

  /**
   * What a caller sent (a username tried, say) as PostgreSQL stores it: no NUL, which TEXT and
   * JSONB refuse, and not endless.
   */
  private static String storable(String text) {
    if (text == null) return null;
    String clean = text.replace("\0", "");
    return clean.length() > 500 ? clean.substring(0, 500) + "…" : clean;
  }

  @Override
  public void start() {
    running = true;
    writer = Thread.ofPlatform().daemon().name("security-log").start(this::write);
  }

  private void write() {
    List<Event> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        // a batch that failed is tried again before more is taken, so it never grows past BATCH + 1
        if (batch.isEmpty()) {
          Event first = queue.poll(500, TimeUnit.MILLISECONDS);
          if (first == null) continue;
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          long lost = dropped.getAndSet(0);
          if (lost > 0)
            batch.add(
                new Event(Instant.now(), "events_dropped", "nova", null, Map.of("count", lost)));
        }
        store(batch);
        batch.clear();
      } catch (InterruptedException e) {
        if (!running) break;
      } catch (RuntimeException e) {
        if (Outage.partOf(e).isPresent()) {
          // a database outage delays the log, it does not lose it (until the queue is full)
          LOG.warn(
              "could not write {} security events yet; retrying in 1 s: {}",
              batch.size(),
              e.toString());
          sleep();
        } else {
          // something in the batch itself: store what can be stored, one by one, so one event never
          // blocks the rest
          storeEachAlone(batch);
          batch.clear();
        }
      }
    }
  }

  private void storeEachAlone(List<Event> batch) {
    for (Event event : batch) {
      try {
        store(List.of(event));
      } catch (RuntimeException e) {
        LOG.error(
            "dropped a security event PostgreSQL refused ({} by {}): {}",
            event.kind(),
            event.actor(),
            e.toString());
      }
    }
  }

  private void store(List<Event> batch) {
    jdbi.useTransaction(
        h -> {
          var insert =
              h.prepareBatch(
                  "INSERT INTO security_events (at, kind, actor, address, detail) VALUES (:at,"
                      + " :kind, :actor, :address, CAST(:detail AS jsonb))");
          for (Event e : batch) {
            insert
                .bind("at", e.at())
                .bind("kind", e.kind())
                .bind("actor", e.actor())
                .bind("address", e.address())
                .bind("detail", text(e.detail()))
                .add();
          }
          insert.execute();
        });
  }

  private String text(Map<String, Object> detail) {
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("security event details are strings and numbers", e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() throws InterruptedException {
    running = false;
    if (writer != null) writer.join(5000);
  }
}
