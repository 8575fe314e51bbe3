package nova.web.live;

import io.dropwizard.lifecycle.Managed;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nova.activities.notify.TaskEventChannel;
import nova.web.platform.Redis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Listens to the task-event channel on Redis and passes every event to each open page by SSE.
 * Every Nova server listens, so an event written by any worker reaches every page.
 */
public final class TaskEventHub implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(TaskEventHub.class);
  private static final long KEEPALIVE_SECONDS = 20;
  private final Redis redis;
  private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService keepalive = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sse-keepalive").factory());
  private final Subscriber subscriber = new Subscriber();
  private volatile Sse sse;
  private volatile boolean running;
  private Thread thread;
  private RedisClient connection;

  public TaskEventHub(Redis redis) {
    this.redis = redis;
  }

  public void join(SseEventSink sink, Sse sse) {
    this.sse = sse;
    sinks.add(sink);
    sink.send(sse.newEventBuilder().comment("connected").build());
  }

  public int listeners() {
    return sinks.size();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("task-event-hub").start(this::listen);
    keepalive.scheduleAtFixedRate(() -> broadcastComment("keepalive"), KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
  }

  private void listen() {
    while (running) {
      try (RedisClient client = redis.newSubscriberClient()) {
        connection = client;
        client.subscribe(subscriber, TaskEventChannel.NAME);
      } catch (RuntimeException e) {
        if (running) LOG.warn("lost the Redis subscription; retrying in 1 s: {}", e.getMessage());
        sleepQuietly();
      }
    }
  }

  private void broadcast(String json) {
    Sse current = sse;
    if (current == null) return;
    OutboundSseEvent event = current.newEventBuilder().name("task").data(json).build();
    sinks.forEach(sink -> send(sink, event));
  }

  private void broadcastComment(String comment) {
    Sse current = sse;
    if (current != null) sinks.forEach(sink -> send(sink, current.newEventBuilder().comment(comment).build()));
  }

  private void send(SseEventSink sink, OutboundSseEvent event) {
    if (sink.isClosed()) {
      sinks.remove(sink);
      return;
    }
    sink.send(event).whenComplete((ok, failure) -> {
      if (failure != null) {
        sinks.remove(sink);
        sink.close();
      }
    });
  }

  @Override
  public void stop() {
    running = false;
    if (subscriber.isSubscribed()) subscriber.unsubscribe();
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

  private final class Subscriber extends JedisPubSub {
    @Override
    public void onMessage(String channel, String message) {
      broadcast(message);
    }
  }
}
