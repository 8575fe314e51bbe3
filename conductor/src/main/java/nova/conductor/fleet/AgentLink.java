package nova.conductor.fleet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import nova.conductor.wire.BadFrame;
import nova.conductor.wire.Body;
import nova.conductor.wire.Envelope;
import nova.conductor.wire.FrameChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conductor's end of one agent connection. A reader thread hands each frame to whoever waits on
 * its seq: a control call's future, or an inference stream's listener. When the connection ends,
 * for whatever reason, every waiter learns it at once, so in-flight work can fail over.
 */
public final class AgentLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);
  private final String engine;
  private final FrameChannel channel;
  private final AtomicLong seqs = new AtomicLong();
  private final Map<Long, CompletableFuture<Body>> calls = new ConcurrentHashMap<>();
  private final Map<Long, Consumer<Body>> streams = new ConcurrentHashMap<>();
  private final CompletableFuture<Body.Hello> hello = new CompletableFuture<>();
  private final CompletableFuture<String> closed = new CompletableFuture<>();
  private final Consumer<Body.Heartbeat> heartbeats;

  public AgentLink(String engine, FrameChannel channel, Consumer<Body.Heartbeat> heartbeats) {
    this.engine = engine;
    this.channel = channel;
    this.heartbeats = heartbeats;
    // a platform thread: its socket spins before it sleeps, which a virtual thread must not do on a
    // shared carrier
    Thread.ofPlatform().daemon().name("agent-link-" + engine).start(this::readAll);
  }

  public CompletableFuture<Body.Hello> hello() {
    return hello;
  }

  /** Completes with why the connection ended. */
  public CompletableFuture<String> closed() {
    return closed;
  }

  /** Sends a request and completes with the agent's one reply; fails with {@link AgentLost}. */
  public CompletableFuture<Body> call(Body request) {
    long seq = seqs.incrementAndGet();
    CompletableFuture<Body> reply = new CompletableFuture<>();
    calls.put(seq, reply);
    sendOrFail(seq, request, () -> calls.remove(seq));
    return reply;
  }

  /**
   * Starts an inference whose Token frames, then its Done or Failure, go to {@code listener} on the
   * reader thread; an {@link AgentLost} body ends it if the agent goes away first.
   */
  public long stream(Body request, Consumer<Body> listener) {
    long seq = seqs.incrementAndGet();
    streams.put(seq, listener);
    sendOrFail(seq, request, () -> streams.remove(seq));
    return seq;
  }

  public void cancel(long seq) {
    if (streams.remove(seq) == null) return;
    try {
      channel.write(seq, new Body.Cancel());
    } catch (IOException e) {
      LOG.debug("{}: cancel of {} not sent: {}", engine, seq, e.toString());
    }
  }

  private void sendOrFail(long seq, Body request, Runnable forget) {
    try {
      channel.write(seq, request);
    } catch (IOException e) {
      forget.run();
      String why = closed.getNow("writing to the agent failed: " + e);
      end(why);
      throw new AgentLost(engine, why);
    }
  }

  private void readAll() {
    try {
      for (Envelope e; (e = channel.read()) != null; ) dispatch(e);
      end("the agent closed the connection");
    } catch (BadFrame e) {
      LOG.error("{}: closing the connection after a malformed frame: {}", engine, e.getMessage());
      end("malformed frame: " + e.getMessage());
    } catch (IOException e) {
      end("the connection failed: " + e.getMessage());
    }
  }

  private void dispatch(Envelope e) {
    switch (e.body()) {
      case Body.Heartbeat h -> heartbeats.accept(h);
      case Body.Hello h -> hello.complete(h);
      case Body.Token t -> deliver(e.seq(), t, false);
      case Body.Done d -> deliver(e.seq(), d, true);
      case Body.Failure f when streams.containsKey(e.seq()) -> deliver(e.seq(), f, true);
      default -> {
        CompletableFuture<Body> reply = calls.remove(e.seq());
        if (reply != null) reply.complete(e.body());
        else
          LOG.warn(
              "{}: a {} frame for seq {}, which nobody waits for",
              engine,
              e.body().getClass().getSimpleName(),
              e.seq());
      }
    }
  }

  private void deliver(long seq, Body body, boolean last) {
    Consumer<Body> listener = last ? streams.remove(seq) : streams.get(seq);
    if (listener != null) listener.accept(body);
  }

  private void end(String why) {
    if (!closed.complete(why)) return;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("{}: close: {}", engine, e.toString());
    }
    AgentLost lost = new AgentLost(engine, why);
    hello.completeExceptionally(lost);
    calls.values().forEach(f -> f.completeExceptionally(lost));
    calls.clear();
    streams.values().forEach(l -> l.accept(lost.asBody()));
    streams.clear();
  }

  @Override
  public void close() {
    end("closed by the conductor");
  }
}
