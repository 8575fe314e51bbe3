package nova.web.live;

import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nova.activities.notify.NotifyServices;
import nova.web.auth.Credential;
import nova.web.platform.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the task-event stream on Redis and passes every event, with its stream id as the SSE id, to
 * each open page. Every Nova server reads it, so an event written by any worker reaches every page.
 * A page that comes back with a Last-Event-ID first gets what it missed; where the stream cannot
 * tell (trimmed, or Redis restarted and lost it) the page is told to fetch everything again.
 */
public final class TaskEventHub implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEventHub.class);
  private static final long KEEPALIVE_SECONDS = 20;

  /** More missed events than this and the page is better off fetching everything again. */
  static final int REPLAY_MAX = 1000;

  /**
   * How often the credentials of open streams are checked: sessions ended elsewhere or idle, keys
   * revoked.
   */
  static final long CREDENTIALS_CHECK_SECONDS = 10;

  private final Redis redis;
  private final Function<Collection<Credential>, Set<Credential>> stillValid;
  private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
  private final Map<SseEventSink, Credential> heldBy = new ConcurrentHashMap<>();
  private final ScheduledExecutorService keepalive =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("sse-keepalive").factory());
  private volatile Sse sse;
  private volatile boolean running;
  private Thread thread;

  /**
   * The last entry read from the stream; every page that joined has been sent all entries up to it.
   * Guarded by this.
   */
  private StreamEntryID cursor;

  /**
   * {@code stillValid}: of some credentials, the ones whose session is open or whose key is not
   * revoked.
   */
  public TaskEventHub(Redis redis, Function<Collection<Credential>, Set<Credential>> stillValid) {
    this.redis = redis;
    this.stillValid = stillValid;
  }

  /**
   * A page joins; with the id of the last event it saw, it first gets the ones since. A stream
   * opened with a session or an API key closes when the session ends or the key is revoked. Every
   * page then gets a "ready" event carrying the current id, so that even one that has seen no task
   * event yet resumes from where it joined.
   */
  public synchronized void join(
      SseEventSink sink, Sse sse, String lastEventId, Credential credential) {
    this.sse = sse;
    send(sink, sse.newEventBuilder().comment("connected").build());
    if (lastEventId != null && !lastEventId.isBlank()) replay(sink, sse, lastEventId.trim());
    if (cursor != null)
      send(sink, sse.newEventBuilder().name("ready").id(cursor.toString()).data("{}").build());
    if (!credential.equals(Credential.NONE)) heldBy.put(sink, credential);
    sinks.add(sink);
  }

  /** Closes the streams of sessions that ended. */
  public void sessionsEnded(Collection<String> ids) {
    heldBy.forEach(
        (sink, held) -> {
          if (held.sessionId() != null && ids.contains(held.sessionId())) drop(sink);
        });
  }

  private void checkCredentials() {
    if (heldBy.isEmpty()) return;
    try {
      Set<Credential> valid = stillValid.apply(Set.copyOf(heldBy.values()));
      heldBy.forEach(
          (sink, held) -> {
            if (!valid.contains(held)) drop(sink);
          });
    } catch (RuntimeException e) {
      LOG.warn(
          "could not check the credentials of open event streams; trying again in {} s: {}",
          CREDENTIALS_CHECK_SECONDS,
          e.toString());
    }
  }

  private void drop(SseEventSink sink) {
    sinks.remove(sink);
    heldBy.remove(sink);
    try {
      sink.close();
    } catch (RuntimeException alreadyClosed) {
      // nothing left to close
    }
  }

  private void replay(SseEventSink sink, Sse sse, String lastEventId) {
    StreamEntryID after;
    try {
      after = new StreamEntryID(lastEventId);
    } catch (RuntimeException notAnId) {
      sink.send(resync(sse));
      return;
    }
    try {
      RedisClient client = redis.client();
      List<StreamEntry> oldest = client.xrange(NotifyServices.CHANNEL, "-", "+", 1);
      List<StreamEntry> missed =
          client.xrange(
              NotifyServices.CHANNEL,
              "(" + after,
              cursor == null ? "+" : cursor.toString(),
              REPLAY_MAX);
      boolean gap =
          oldest.isEmpty()
              || oldest.getFirst().getID().compareTo(after) > 0
              || missed.size() == REPLAY_MAX;
      if (gap) {
        sink.send(resync(sse));
        return;
      }
      missed.forEach(entry -> sink.send(event(sse, entry)));
    } catch (JedisException down) {
      sink.send(resync(sse));
    }
  }

  public int listeners() {
    return sinks.size();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("task-event-hub").start(this::listen);
    keepalive.scheduleAtFixedRate(
        () -> quietly(() -> broadcastComment("keepalive")),
        KEEPALIVE_SECONDS,
        KEEPALIVE_SECONDS,
        TimeUnit.SECONDS);
    keepalive.scheduleAtFixedRate(
        () -> quietly(this::checkCredentials),
        CREDENTIALS_CHECK_SECONDS,
        CREDENTIALS_CHECK_SECONDS,
        TimeUnit.SECONDS);
  }

  private void listen() {
    while (running) {
      try (RedisClient client = redis.newSubscriberClient()) {
        startCursor(client);
        while (running) {
          StreamEntryID from;
          synchronized (this) {
            from = cursor;
          }
          var read =
              client.xread(
                  XReadParams.xReadParams().block(1000).count(100),
                  Map.of(NotifyServices.CHANNEL, from));
          if (read != null) read.forEach(stream -> stream.getValue().forEach(this::deliver));
        }
      } catch (RuntimeException e) {
        // not only Redis: whatever fails, the thread lives on, or this server would send no more
        // events
        if (running) LOG.warn("lost the Redis event stream; retrying in 1 s: {}", e.toString());
        sleepQuietly();
      }
    }
  }

  /** Live delivery begins after the stream's newest entry when the hub first reads it. */
  private synchronized void startCursor(RedisClient client) {
    if (cursor != null) return;
    List<StreamEntry> newest = client.xrevrange(NotifyServices.CHANNEL, "+", "-", 1);
    cursor = newest.isEmpty() ? new StreamEntryID(0, 0) : newest.getFirst().getID();
  }

  private synchronized void deliver(StreamEntry entry) {
    cursor = entry.getID();
    Sse current = sse;
    if (current == null) return;
    OutboundSseEvent event = event(current, entry);
    sinks.forEach(sink -> send(sink, event));
  }

  private static OutboundSseEvent event(Sse sse, StreamEntry entry) {
    return sse.newEventBuilder()
        .name("task")
        .id(entry.getID().toString())
        .data(entry.getFields().get("notice"))
        .build();
  }

  private static OutboundSseEvent resync(Sse sse) {
    return sse.newEventBuilder().name("resync").data("{}").build();
  }

  private void broadcastComment(String comment) {
    Sse current = sse;
    if (current != null)
      sinks.forEach(sink -> send(sink, current.newEventBuilder().comment(comment).build()));
  }

  private void send(SseEventSink sink, OutboundSseEvent event) {
    if (sink.isClosed()) {
      sinks.remove(sink);
      heldBy.remove(sink);
      return;
    }
    try {
      sink.send(event)
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) drop(sink);
              });
    } catch (RuntimeException closedMeanwhile) {
      drop(sink);
    }
  }

  @Override
  public void stop() {
    running = false;
    keepalive.shutdownNow();
    sinks.forEach(SseEventSink::close);
    if (thread != null) thread.interrupt();
  }

  private static void quietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      // a failed round must not cancel the schedule
      LOG.warn("an event-stream timer failed; it runs again next round: {}", e.toString());
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
