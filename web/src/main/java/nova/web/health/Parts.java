package nova.web.health;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL, Redis and Temporal answer, checked every second in the background, so that
 * readiness, the admin app's banner and a 503's part name never wait on a check of their own.
 * Listeners hear each part come back (and come up the first time), on the watcher's thread.
 */
public final class Parts implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(Parts.class);
  static final Duration INTERVAL = Duration.ofSeconds(1);
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  /** One part's state: up or not, since when, and the last error's message. */
  public record State(String name, boolean up, Instant since, String error) {}

  private final Map<String, Callable<Boolean>> checks = new LinkedHashMap<>();
  private final Map<String, State> states = new ConcurrentHashMap<>();
  private final Map<String, List<Runnable>> onUp = new ConcurrentHashMap<>();
  private final ExecutorService checkers = Executors.newVirtualThreadPerTaskExecutor();
  private volatile boolean running;

  public Parts add(String name, Callable<Boolean> check) {
    checks.put(name, check);
    return this;
  }

  /** Runs each time the part comes up, the first time included. */
  public void onUp(String name, Runnable listener) {
    onUp.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(listener);
  }

  /** Every part in the order added; a part not yet checked counts as down. */
  public List<State> states() {
    List<State> all = new ArrayList<>();
    checks
        .keySet()
        .forEach(
            name ->
                all.add(
                    states.getOrDefault(
                        name, new State(name, false, Instant.EPOCH, "not checked yet"))));
    return all;
  }

  public boolean isUp(String name) {
    State state = states.get(name);
    return state != null && state.up();
  }

  /** The first part that is down, in the order added. */
  public Optional<String> firstDown() {
    return states().stream().filter(s -> !s.up()).map(State::name).findFirst();
  }

  /**
   * Checks every part once before it returns, so that readiness is known from the first request.
   */
  @Override
  public void start() throws InterruptedException {
    running = true;
    List<Thread> first = new ArrayList<>();
    checks.forEach(
        (name, check) -> first.add(Thread.ofVirtual().start(() -> record(name, check(check)))));
    for (Thread t : first) t.join();
    // each part its own loop, so a part that hangs its check never delays another's
    checks.forEach(
        (name, check) -> Thread.ofVirtual().name("parts-" + name).start(() -> watch(name, check)));
  }

  private void watch(String name, Callable<Boolean> check) {
    while (running) {
      sleep(INTERVAL);
      record(name, check(check));
    }
  }

  private String check(Callable<Boolean> check) {
    Future<Boolean> answer = checkers.submit(check);
    try {
      return answer.get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          ? null
          : "answered, but not as expected";
    } catch (TimeoutException slow) {
      answer.cancel(true);
      return "no answer within " + CHECK_TIMEOUT.toSeconds() + " s";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private void record(String name, String error) {
    boolean up = error == null;
    State before = states.get(name);
    if (before != null && before.up() == up) {
      if (!up) states.put(name, new State(name, false, before.since(), error));
      return;
    }
    states.put(name, new State(name, up, Instant.now(), error));
    if (up) {
      if (before != null)
        LOG.warn(
            "{} is back after {} s down",
            name,
            Duration.between(before.since(), Instant.now()).toSeconds());
      onUp.getOrDefault(name, List.of()).forEach(listener -> runQuietly(name, listener));
    } else {
      LOG.warn("{} is down: {}", name, error);
    }
  }

  private static void runQuietly(String name, Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException e) {
      LOG.warn(
          "what follows {} coming up failed; it runs again when {} comes back: {}",
          name,
          name,
          e.toString());
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    checkers.shutdownNow();
  }
}
