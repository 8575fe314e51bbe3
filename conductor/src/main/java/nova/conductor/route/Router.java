package nova.conductor.route;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import nova.conductor.Deployment;
import nova.conductor.config.ModelKind;
import nova.conductor.fleet.Agent;
import nova.conductor.fleet.AgentLink;
import nova.conductor.fleet.AgentLost;
import nova.conductor.fleet.Fleet;
import nova.conductor.wire.Body;
import nova.conductor.wire.FailureCode;

/**
 * Sends each request to the least-loaded ready agent of the serving group, after the vision encoder
 * for images, and fails over: when an agent drains, refuses or dies mid-stream, the request goes to
 * another agent and the stream resumes after the last token the client got (agents generate
 * deterministically, so the tokens line up).
 */
public final class Router {
  private static final Duration WAIT_FOR_AGENT = Duration.ofSeconds(15);
  private static final Duration IDLE = Duration.ofSeconds(30);
  private final Fleet fleet;
  private final Supplier<Deployment> deployment;
  private final LoraAdapters lora;

  public Router(Fleet fleet, Supplier<Deployment> deployment) {
    this.fleet = fleet;
    this.deployment = deployment;
    this.lora = new LoraAdapters(deployment);
  }

  public void infer(InferenceRequest request, TokenSink sink)
      throws IOException, InterruptedException {
    Deployment d = deployment.get();
    lora.check(request.adapter());
    int imageTokens = encode(d, request.images());
    Body.Infer infer =
        new Body.Infer(
            request.messages(),
            request.maxTokens(),
            request.temperature(),
            request.adapter(),
            imageTokens);
    int delivered = 0;
    String lastFailure = "";
    for (int attempt = 0; attempt < 3 + fleet.group(d.servingGroup()).size(); attempt++) {
      Agent agent = pick(d.servingGroup(), request.adapter());
      lora.ensureLoaded(agent, request.adapter());
      Attempt a = new Attempt(agent, infer);
      try {
        Body.Failure failure = a.run(delivered, sink);
        if (failure == null) return;
        if (failure.code() == FailureCode.BAD_REQUEST)
          throw RouteFailure.badRequest(failure.message());
        lastFailure = failure.message();
      } finally {
        delivered = Math.max(delivered, a.delivered());
      }
    }
    throw RouteFailure.unavailable(
        "no agent could finish the request; last failure: " + lastFailure);
  }

  private int encode(Deployment d, List<String> images) throws InterruptedException {
    if (images.isEmpty()) return 0;
    if (d.model().kind() != ModelKind.VISION)
      throw RouteFailure.badRequest(
          d.instance() + " (" + d.model().kind().wire() + ") takes no images; send text only");
    String lastFailure = "";
    for (int attempt = 0; attempt < 3; attempt++) {
      Agent encoder = pick(0, "");
      encoder.began();
      boolean ok = false;
      try {
        Body reply =
            encoder
                .link()
                .call(new Body.Encode(images))
                .get(IDLE.toMillis(), TimeUnit.MILLISECONDS);
        if (reply instanceof Body.Encoded e) {
          ok = true;
          return e.imageTokens();
        }
        lastFailure =
            reply instanceof Body.Failure f
                ? f.message()
                : "unexpected " + reply.getClass().getSimpleName();
      } catch (ExecutionException | TimeoutException | AgentLost e) {
        lastFailure = e.getMessage();
      } finally {
        encoder.ended(ok);
      }
    }
    throw RouteFailure.unavailable(
        "no vision encoder could encode the images; last failure: " + lastFailure);
  }

  /**
   * The least-loaded ready agent of a group with room (one with the adapter loaded first), waiting
   * a while for a restart or room.
   */
  private Agent pick(int group, String adapter) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_FOR_AGENT.toNanos();
    while (true) {
      List<Agent> ready =
          fleet.group(group).stream()
              .filter(a -> a.ready() && a.inFlight() < fleet.maxInFlight())
              .toList();
      Comparator<Agent> order =
          Comparator.comparing((Agent a) -> !a.adapters().contains(adapter))
              .thenComparingInt(Agent::inFlight);
      if (!ready.isEmpty())
        return ready.stream()
            .min(adapter.isEmpty() ? Comparator.comparingInt(Agent::inFlight) : order)
            .orElseThrow();
      if (System.nanoTime() > deadline) {
        throw RouteFailure.unavailable(
            "no agent of group "
                + group
                + " was ready with room for another request (at most "
                + fleet.maxInFlight()
                + " each) for "
                + WAIT_FOR_AGENT.toSeconds()
                + " s");
      }
      Thread.sleep(20);
    }
  }

  /**
   * One try on one agent; returns the failure that ended it, or null when the request completed.
   */
  private static final class Attempt {
    private final Agent agent;
    private final Body.Infer infer;
    private int delivered;

    Attempt(Agent agent, Body.Infer infer) {
      this.agent = agent;
      this.infer = infer;
    }

    int delivered() {
      return delivered;
    }

    Body.Failure run(int alreadyDelivered, TokenSink sink)
        throws IOException, InterruptedException {
      delivered = alreadyDelivered;
      BlockingQueue<Body> events = new LinkedBlockingQueue<>();
      AgentLink link =
          agent.link(); // a restart replaces it; cancels must go where the request went
      agent.began();
      boolean ok = false;
      long seq;
      try {
        seq = link.stream(infer, events::add);
      } catch (AgentLost e) {
        agent.ended(false);
        return e.asBody();
      }
      try {
        while (true) {
          Body event = events.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
          switch (event) {
            case null -> {
              link.cancel(seq);
              return new Body.Failure(
                  FailureCode.INTERNAL,
                  agent.spec().node() + " sent nothing for " + IDLE.toSeconds() + " s");
            }
            case Body.Token t -> {
              if (t.index() == delivered) {
                sink.token(t.text());
                delivered++;
              }
            }
            case Body.Done done -> {
              sink.done(done);
              ok = true;
              return null;
            }
            case Body.Failure f -> {
              return f;
            }
            default ->
                throw new IllegalStateException(
                    "unexpected " + event.getClass().getSimpleName() + " in a stream");
          }
        }
      } catch (IOException | InterruptedException | RuntimeException e) {
        link.cancel(seq); // the client is gone: the agent can stop generating
        throw e;
      } finally {
        agent.ended(ok);
      }
    }
  }
}
