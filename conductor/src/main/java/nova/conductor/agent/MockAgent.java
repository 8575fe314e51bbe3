package nova.conductor.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import nova.conductor.wire.AgentState;
import nova.conductor.wire.Body;
import nova.conductor.wire.FailureCode;
import nova.conductor.wire.Envelope;
import nova.conductor.wire.FrameChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mock agent's side of a connection: it loads nothing, but answers every message as a real
 * agent would, at a model's pace. Inference runs on a virtual thread per request; the replies of
 * several requests interleave on the one connection, told apart by their seq.
 */
final class MockAgent {
  private static final Logger LOG = LoggerFactory.getLogger(MockAgent.class);
  private final String engine;
  private final MockModel model;
  private final Duration loadTime;
  private final Duration heartbeatEvery;
  private final Adapters adapters = new Adapters();
  private final Map<Long, Thread> running = new ConcurrentHashMap<>();
  private final AtomicLong completed = new AtomicLong();
  private volatile AgentState state = AgentState.STARTING;
  private volatile Body.Setup setup;
  private volatile boolean drained;
  private FrameChannel channel;

  MockAgent(String engine, MockModel model, Duration loadTime, Duration heartbeatEvery) {
    this.engine = engine;
    this.model = model;
    this.loadTime = loadTime;
    this.heartbeatEvery = heartbeatEvery;
  }

  /** Serves one connection until it ends or a drain completes; true when drained. */
  boolean serve(FrameChannel channel) throws IOException {
    this.channel = channel;
    channel.write(0, new Body.Hello("mock-" + ProcessHandle.current().pid(), engine, (int) ProcessHandle.current().pid(), true));
    Thread beat = Thread.ofVirtual().name("heartbeat").start(this::beat);
    try {
      for (Envelope e; (e = channel.read()) != null; ) handle(e);
      return drained;
    } catch (IOException e) {
      if (drained) return true; // the drain closed the connection under the reader
      throw e;
    } finally {
      beat.interrupt();
      running.values().forEach(Thread::interrupt);
    }
  }

  private void handle(Envelope e) throws IOException {
    long seq = e.seq();
    switch (e.body()) {
      case Body.Setup s -> Thread.ofVirtual().name("setup").start(() -> load(seq, s));
      case Body.Assign a -> reply(seq, new Body.Assigned());
      case Body.LoadAdapter a -> reply(seq, adapters.load(a, setup));
      case Body.UnloadAdapter a -> reply(seq, adapters.unload(a.name(), setup));
      case Body.Infer r -> start(seq, () -> infer(seq, r));
      case Body.Encode r -> start(seq, () -> encode(seq, r));
      case Body.Cancel c -> {
        Thread t = running.remove(seq);
        if (t != null) t.interrupt();
      }
      case Body.Ping p -> reply(seq, new Body.Pong(p.sentNanos(), p.payload()));
      case Body.StatusRequest s -> {
        Body.Heartbeat h = heartbeat();
        reply(seq, new Body.Status(h.sentNanos(), h.state(), h.inFlight(), h.completed(), h.adapters()));
      }
      case Body.Drain d -> Thread.ofVirtual().name("drain").start(() -> drain(seq));
      default -> LOG.warn("{}: ignoring a {} frame, which only agents send", engine, e.body().getClass().getSimpleName());
    }
  }

  private void load(long seq, Body.Setup s) {
    state = AgentState.LOADING;
    long started = System.nanoTime();
    LockSupport.parkNanos(loadTime.toNanos());
    setup = s;
    state = AgentState.READY;
    send(seq, new Body.SetupDone(true, "mock " + s.model() + " (" + s.role() + ") loaded", (int) ((System.nanoTime() - started) / 1_000_000)));
  }

  private void infer(long seq, Body.Infer r) {
    Body refusal = refusal(r.adapter());
    if (refusal != null) {
      send(seq, refusal);
      return;
    }
    String prompt = r.messages().stream().map(Body.ChatMessage::content).reduce("", (a, b) -> a + "\n" + b);
    List<String> whole = model.answer(prompt, r.adapter(), r.imageTokens());
    List<String> tokens = whole.subList(0, Math.min(whole.size(), r.maxTokens()));
    for (int i = 0; i < tokens.size(); i++) {
      LockSupport.parkNanos(model.pauseNanos(i));
      if (Thread.currentThread().isInterrupted()) return; // cancelled: the conductor expects nothing more
      send(seq, new Body.Token(i, tokens.get(i)));
    }
    boolean cut = whole.size() > tokens.size();
    completed.incrementAndGet();
    send(seq, new Body.Done(MockModel.tokens(prompt) + r.imageTokens(), tokens.size(), cut ? "length" : "stop"));
  }

  private Body refusal(String adapter) {
    if (state == AgentState.DRAINING) return new Body.Failure(FailureCode.DRAINING, engine + " is draining and takes no new work");
    if (state != AgentState.READY) return new Body.Failure(FailureCode.OVERLOADED, engine + " has no model loaded yet");
    if (!adapter.isEmpty() && !adapters.loaded().contains(adapter)) {
      return new Body.Failure(FailureCode.UNKNOWN_ADAPTER, "adapter '" + adapter + "' is not loaded on " + engine + "; loaded: " + adapters.loaded());
    }
    return null;
  }

  private void encode(long seq, Body.Encode r) {
    LockSupport.parkNanos(model.pauseNanos(0));
    completed.incrementAndGet();
    send(seq, new Body.Encoded(r.images().size() * MockModel.IMAGE_TOKENS));
  }

  /** Takes no new work, lets what runs finish, says so, and ends the connection: the process then exits. */
  private void drain(long seq) {
    state = AgentState.DRAINING;
    LOG.info("{}: draining {} request(s) in flight", engine, running.size());
    for (Thread t : List.copyOf(running.values())) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    state = AgentState.DRAINED;
    send(seq, new Body.Drained(completed.get()));
    drained = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("{}: closing after the drain: {}", engine, e.toString());
    }
  }

  private void start(long seq, Runnable work) {
    running.put(seq, Thread.ofVirtual().name("request-" + seq).start(() -> {
      try {
        work.run();
      } finally {
        running.remove(seq);
      }
    }));
  }

  private void beat() {
    while (!Thread.currentThread().isInterrupted()) {
      send(0, heartbeat());
      LockSupport.parkNanos(heartbeatEvery.toNanos());
    }
  }

  private Body.Heartbeat heartbeat() {
    return new Body.Heartbeat(System.nanoTime(), state, running.size(), completed.get(), List.copyOf(adapters.loaded()));
  }

  private void reply(long seq, Body body) throws IOException {
    channel.write(seq, body);
  }

  private void send(long seq, Body body) {
    try {
      channel.write(seq, body);
    } catch (IOException e) {
      Thread.currentThread().interrupt(); // the connection is gone; the conductor fails this request over
    }
  }
}
