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
import nova.activities.notify.TaskEventChannel;
import nova.web.platform.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the task-event stream on Redis and passes every event, with its stream id as the SSE id,
 * to each open page. Every Nova server reads it, so an event written by any worker reaches every
 * page. A page that comes back with a Last-Event-ID first gets what it missed; where the stream
 * cannot tell (trimmed, or Redis restarted and lost it) the page is told to fetch everything again.
 */
public final class TaskEventHub implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEventHub.class);
  private static final long KEEPALIVE_SECONDS = 20;
  /** More missed events than this and the page is better off fetching everything again. */
  static final int REPLAY_MAX = 1000;
  /** How often the sessions of open streams are checked, for sessions ended on another server or idle too long. */
  static final long SESSION_CHECK_SECONDS = 10;
  private final Redis redis;
  private final Function<Collection<String>, Set<String>> openSessions;
  private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
  private final Map<SseEventSink, String> sessionOf = new ConcurrentHashMap<>();
  private final ScheduledExecutorService keepalive = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sse-keepalive").factory());
  private volatile Sse sse;
  private volatile boolean running;
  private Thread thread;
  /** The last entry read from the stream; every page that joined has been sent all entries up to it. Guarded by this. */
  private StreamEntryID cursor;

  /** {@code openSessions}: of some session ids, the ones still open. */
  public TaskEventHub(Redis redis, Function<Collection<String>, Set<String>> openSessions) {
    this.redis = redis;
    this.openSessions = openSessions;
  }

  /**
   * A page joins; with the id of the last event it saw, it first gets the ones since. A stream
   * opened with a session ({@code sessionId} not null) closes when that session ends.
   */
  public synchronized void join(SseEventSink sink, Sse sse, String lastEventId, String sessionId) {
    this.sse = sse;
    sink.send(sse.newEventBuilder().comment("connected").build());
    if (lastEventId != null && !lastEventId.isBlank()) replay(sink, sse, lastEventId.trim());
    if (sessionId != null) sessionOf.put(sink, sessionId);
    sinks.add(sink);
  }

  /** Closes the streams of sessions that ended. */
  public void sessionsEnded(Collection<String> ids) {
    sessionOf.forEach((sink, session) -> {
      if (ids.contains(session)) drop(sink);
    });
  }

  private void checkSessions() {
    if (sessionOf.isEmpty()) return;
    try {
      Set<String> open = openSessions.apply(Set.copyOf(sessionOf.values()));
      sessionOf.forEach((sink, session) -> {
        if (!open.contains(session)) drop(sink);
      });
    } catch (RuntimeException e) {
      LOG.warn("could not check the sessions of open event streams; trying again in {} s: {}", SESSION_CHECK_SECONDS, e.toString());
    }
  }

  private void drop(SseEventSink sink) {
    sinks.remove(sink);
    sessionOf.remove(sink);
    sink.close();
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
      List<StreamEntry> oldest = client.xrange(TaskEventChannel.NAME, "-", "+", 1);
      List<StreamEntry> missed = client.xrange(TaskEventChannel.NAME, "(" + after, cursor == null ? "+" : cursor.toString(), REPLAY_MAX);
      boolean gap = oldest.isEmpty() || oldest.getFirst().getID().compareTo(after) > 0 || missed.size() == REPLAY_MAX;
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
    keepalive.scheduleAtFixedRate(() -> broadcastComment("keepalive"), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
    keepalive.scheduleAtFixedRate(this::checkSessions, SESSION_CHECK_SECONDS, SESSION_CHECK_SECONDS, TimeUnit.SECONDS);
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
          var read = client.xread(XReadParams.xReadParams().block(1000).count(100), Map.of(TaskEventChannel.NAME, from));
          if (read != null) read.forEach(stream -> stream.getValue().forEach(this::deliver));
        }
      } catch (JedisException e) {
        if (running) LOG.warn("lost the Redis event stream; retrying in 1 s: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  /** Live delivery begins after the stream's newest entry when the hub first reads it. */
  private synchronized void startCursor(RedisClient client) {
    if (cursor != null) return;
    List<StreamEntry> newest = client.xrevrange(TaskEventChannel.NAME, "+", "-", 1);
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
    return sse.newEventBuilder().name("task").id(entry.getID().toString()).data(entry.getFields().get("notice")).build();
  }

  private static OutboundSseEvent resync(Sse sse) {
    return sse.newEventBuilder().name("resync").data("{}").build();
  }

  private void broadcastComment(String comment) {
    Sse current = sse;
    if (current != null) sinks.forEach(sink -> send(sink, current.newEventBuilder().comment(comment).build()));
  }

  private void send(SseEventSink sink, OutboundSseEvent event) {
    if (sink.isClosed()) {
      sinks.remove(sink);
      sessionOf.remove(sink);
      return;
    }
    sink.send(event).whenComplete((ok, failure) -> {
      if (failure != null) drop(sink);
    });
  }

  @Override
  public void stop() {
    running = false;
    keepalive.shutdownNow();
    sinks.forEach(SseEventSink::close);
    if (thread != null) thread.interrupt();
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
