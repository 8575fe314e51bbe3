package nova.conductor.fleet;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nova.conductor.wire.Body;

/**
 * The conductor's view of the agent on one engine: its spec, its current connection (replaced at
 * each restart), what its last heartbeat said, and the work the conductor has given it.
 */
public final class Agent {
  private final AgentSpec spec;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong completed = new AtomicLong();
  private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
  private volatile AgentState state = AgentState.STARTING;
  private volatile AgentLink link;
  private volatile long pid;
  private volatile int restarts;
  private volatile long lastHeartbeatNanos = System.nanoTime();
  private volatile List<String> adapters = List.of();
  private volatile String lastError = "";

  Agent(AgentSpec spec) {
    this.spec = spec;
  }

  public AgentSpec spec() {
    return spec;
  }

  public AgentState state() {
    return state;
  }

  public boolean ready() {
    AgentLink l = link;
    return state == AgentState.READY
        && l != null
        && !l.closed().isDone(); // a lost link counts before the keeper sees it
  }

  /** The connection to use for new work; only meaningful while {@link #ready()}. */
  public AgentLink link() {
    return link;
  }

  public int inFlight() {
    return inFlight.get();
  }

  public long completed() {
    return completed.get();
  }

  public int restarts() {
    return restarts;
  }

  public long pid() {
    return pid;
  }

  public List<String> adapters() {
    return adapters;
  }

  public String lastError() {
    return lastError;
  }

  public long millisSinceHeartbeat() {
    return (System.nanoTime() - lastHeartbeatNanos) / 1_000_000;
  }

  /** Completes when the agent is first ready, or fails with why it could not get there. */
  public CompletableFuture<Void> firstReady() {
    return firstReady;
  }

  public void began() {
    inFlight.incrementAndGet();
  }

  public void ended(boolean ok) {
    inFlight.decrementAndGet();
    if (ok) completed.incrementAndGet();
  }

  void state(AgentState next) {
    state = next;
    if (next == AgentState.READY) firstReady.complete(null);
  }

  void failedToStart(Throwable why) {
    firstReady.completeExceptionally(why);
  }

  void connected(AgentLink next, long processId) {
    link = next;
    pid = processId;
    lastHeartbeatNanos = System.nanoTime();
  }

  void restarted(String why) {
    restarts++;
    lastError = why;
  }

  void heartbeat(Body.Heartbeat h) {
    lastHeartbeatNanos = System.nanoTime();
    adapters = h.adapters();
  }

  /** What an adapter load or unload left loaded, so routing sees it before the next heartbeat. */
  public void adapters(List<String> loaded) {
    adapters = List.copyOf(loaded);
  }
}
