package nova.conductor.fleet;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nova.conductor.config.AppConfig;
import nova.conductor.config.ModelConfig;
import nova.conductor.wire.Body;
import nova.conductor.wire.FrameChannel;
import nova.conductor.wire.ModelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one agent alive: starts its process, connects, loads the model and its static adapters,
 * assigns it, and watches it. When the process dies, the connection breaks or heartbeats stop, the
 * in-flight work fails over (its streams see {@link AgentLost}) and the agent is restarted after a
 * backoff that doubles up to a cap and resets once an agent has stayed up.
 */
final class AgentKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(AgentKeeper.class);
  private static final Duration STABLE = Duration.ofSeconds(30);
  private final Agent agent;
  // A request/response on a link in full flow comes back within this; a quiet link never spins.
  private static final Duration LINK_SPIN = Duration.ofNanos(50_000);
  private final AgentLauncher launcher;
  private final AppConfig.Agents config;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean draining;
  private volatile Process process;

  AgentKeeper(Agent agent, AgentLauncher launcher, AppConfig.Agents config) {
    this.agent = agent;
    this.launcher = launcher;
    this.config = config;
  }

  void start() {
    Thread.ofVirtual().name("keeper-" + agent.spec().node()).start(this::keep);
  }

  /** Completes when the agent has stopped for good (drained or stopped). */
  CompletableFuture<Void> stopped() {
    return stopped;
  }

  private void keep() {
    Duration backoff = config.restartBackoffInitial();
    while (!stopped.isDone()) {
      long started = System.nanoTime();
      String why = runOnce();
      if (!agent.firstReady().isDone())
        agent.failedToStart(new IllegalStateException(agent.spec().node() + ": " + why));
      if (stopped.isDone() || draining) break;
      if (Duration.ofNanos(System.nanoTime() - started).compareTo(STABLE) > 0)
        backoff = config.restartBackoffInitial();
      agent.restarted(why);
      agent.state(AgentState.RESTARTING);
      LOG.warn(
          "{}: {}; restarting in {} ms (restart {})",
          agent.spec().node(),
          why,
          backoff.toMillis(),
          agent.restarts());
      sleep(backoff);
      backoff = min(backoff.multipliedBy(2), config.restartBackoffMax());
    }
    kill();
    // A drained agent exits by itself, and its exit can reach us before its Drained reply does.
    if (agent.state() == AgentState.DRAINING) agent.state(AgentState.DRAINED);
    else if (agent.state() != AgentState.DRAINED) agent.state(AgentState.STOPPED);
    agent.failedToStart(
        new IllegalStateException(agent.spec().node() + " stopped before it was ready"));
    stopped.complete(null);
  }

  /** One life of the agent process; returns why it ended. */
  private String runOnce() {
    AgentSpec spec = agent.spec();
    agent.state(AgentState.STARTING);
    try {
      process = launcher.launch(spec);
      AgentLink link = connect(spec);
      agent.connected(link, process.pid());
      link.hello().get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
      agent.state(AgentState.LOADING);
      expect(link.call(setup(spec)), Body.SetupDone.class, "setup");
      expect(
          link.call(
              new Body.Assign(spec.instance(), spec.role().name(), spec.group(), spec.peers())),
          Body.Assigned.class,
          "assign");
      if (spec.model().lora().mode() == nova.conductor.config.LoraMode.STATIC) {
        for (ModelConfig.Adapter a : spec.model().lora().adapters()) {
          Body.AdapterResult r =
              expect(
                  link.call(new Body.LoadAdapter(a.name(), a.rank(), a.path())),
                  Body.AdapterResult.class,
                  "load adapter " + a.name());
          if (!r.ok())
            throw new IllegalStateException(
                "loading static adapter " + a.name() + " failed: " + r.message());
          agent.adapters(r.loaded());
        }
      }
      agent.state(AgentState.READY);
      LOG.info(
          "{}: ready ({} of {}, group {}, pid {})",
          spec.node(),
          spec.role().name(),
          spec.model().name(),
          spec.group(),
          process.pid());
      return watch(link);
    } catch (ExecutionException e) {
      return e.getCause().getMessage();
    } catch (TimeoutException e) {
      return "no answer within " + config.setupTimeout().toMillis() + " ms while starting";
    } catch (IOException | RuntimeException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } finally {
      kill();
    }
  }

  private String watch(AgentLink link) throws InterruptedException {
    CompletableFuture<String> end =
        link.closed().applyToEither(process.onExit().thenApply(AgentKeeper::exit), w -> w);
    long every = config.heartbeatInterval().toMillis();
    while (true) {
      try {
        String why = end.get(every, TimeUnit.MILLISECONDS);
        link.close(); // fails over whatever was in flight
        try { // a dead process closes its socket first: say how it died when it did
          return exit(process.onExit().get(200, TimeUnit.MILLISECONDS)) + " (" + why + ")";
        } catch (TimeoutException stillAlive) {
          return why;
        }
      } catch (TimeoutException e) {
        if (agent.millisSinceHeartbeat() > config.heartbeatTimeout().toMillis() && !draining) {
          link.close();
          return "no heartbeat for " + agent.millisSinceHeartbeat() + " ms";
        }
      } catch (ExecutionException e) {
        return e.getCause().getMessage();
      }
    }
  }

  /** Takes the agent out of service: no new work, the work it has finishes, then it exits. */
  CompletableFuture<Void> drain() {
    draining = true;
    AgentLink link = agent.link();
    if (agent.state() == AgentState.READY && link != null) {
      agent.state(AgentState.DRAINING);
      link.call(new Body.Drain())
          .orTimeout(config.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (reply, failure) -> {
                if (failure != null)
                  LOG.warn(
                      "{}: drain did not finish cleanly: {}",
                      agent.spec().node(),
                      failure.toString());
                else
                  LOG.info(
                      "{}: drained after {} request(s)",
                      agent.spec().node(),
                      ((Body.Drained) reply).completed());
                agent.state(AgentState.DRAINED);
                Process p = process;
                if (p == null) stop();
                else
                  p.onExit()
                      .completeOnTimeout(p, 2, TimeUnit.SECONDS)
                      .thenRun(this::stop); // the agent exits by itself once drained
              });
    } else {
      stop();
    }
    return stopped;
  }

  /** Stops the agent at once; its in-flight work fails over. */
  void stop() {
    draining = true;
    AgentLink link = agent.link();
    if (link != null) link.close();
    kill();
    stopped.complete(null);
  }

  private void kill() {
    Process p = process;
    if (p != null && p.isAlive()) p.destroyForcibly();
  }

  private AgentLink connect(AgentSpec spec) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + config.setupTimeout().toNanos();
    while (true) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(spec.socket()));
        return new AgentLink(
            spec.node(), FrameChannel.spinning(channel, LINK_SPIN), h -> agent.heartbeat(h));
      } catch (IOException e) {
        channel.close();
        if (!process.isAlive())
          throw new IOException(
              "the agent process exited with "
                  + process.exitValue()
                  + " before listening on "
                  + spec.socket());
        if (System.nanoTime() > deadline)
          throw new IOException(
              "the agent did not listen on "
                  + spec.socket()
                  + " within "
                  + config.setupTimeout().toMillis()
                  + " ms");
        Thread.sleep(10);
      }
    }
  }

  private Body.Setup setup(AgentSpec spec) {
    ModelConfig m = spec.model();
    nova.conductor.wire.LoraMode lora =
        nova.conductor.wire.LoraMode.valueOf(m.lora().mode().name());
    return new Body.Setup(
        spec.role().model(),
        spec.role().name(),
        ModelKind.valueOf(m.kind().name()),
        m.maxContext(),
        0,
        1,
        lora,
        m.lora().maxLoaded());
  }

  private <T extends Body> T expect(CompletableFuture<Body> reply, Class<T> type, String what)
      throws ExecutionException, InterruptedException, TimeoutException {
    Body body = reply.get(config.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (body instanceof Body.SetupDone d && !d.ok())
      throw new IllegalStateException(what + " refused: " + d.message());
    if (body instanceof Body.Failure f)
      throw new IllegalStateException(what + " refused: " + f.message());
    if (!type.isInstance(body))
      throw new IllegalStateException(
          what + ": expected " + type.getSimpleName() + ", got " + body.getClass().getSimpleName());
    return type.cast(body);
  }

  private static String exit(Process p) {
    int code = p.exitValue();
    return "the agent process exited with "
        + code
        + (code > 128 ? " (killed by signal " + (code - 128) + ")" : "");
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private void sleep(Duration d) {
    try {
      stopped.get(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
