package nova.conductor.fleet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nova.conductor.config.Allocation;
import nova.conductor.config.AppConfig;
import nova.conductor.config.Datacenter;
import nova.conductor.config.ModelConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every agent the conductor runs, one per allocated engine. {@link #apply} moves the fleet to a
 * deployment: agents whose work is unchanged stay, new ones start, and the rest drain; an engine
 * that changes hands is drained before its new agent starts, other old agents drain only once the
 * new ones are ready, so a scale or a redeploy keeps serving where the engines allow.
 */
public final class Fleet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
  private final AgentLauncher launcher;
  private final AppConfig.Agents config;
  private final Path socketDir;
  private final Map<String, Member> members = new LinkedHashMap<>();

  private record Member(Agent agent, AgentKeeper keeper) {}

  public Fleet(AgentLauncher launcher, AppConfig.Agents config, Path socketDir) {
    this.launcher = launcher;
    this.config = config;
    this.socketDir = socketDir;
  }

  /**
   * Moves to this deployment; fails (after stopping what it started) if a new agent cannot get
   * ready.
   */
  public synchronized void apply(ModelConfig model, Allocation allocation, String instance)
      throws FleetException {
    List<AgentSpec> target = specs(model, allocation, instance);
    Map<String, AgentSpec> byNode = new LinkedHashMap<>();
    target.forEach(s -> byNode.put(s.node(), s));
    List<Member> leaving = new ArrayList<>();
    List<CompletableFuture<Void>> handOver = new ArrayList<>();
    for (Member m : List.copyOf(members.values())) {
      AgentSpec next = byNode.get(m.agent().spec().node());
      if (next != null
          && next.sameWorkAs(m.agent().spec())
          && m.agent().state() != AgentState.DRAINED) {
        byNode.remove(next.node());
      } else if (next != null) {
        handOver.add(drain(m));
      } else {
        leaving.add(m);
      }
    }
    await(
        handOver,
        config.drainTimeout().plus(config.setupTimeout()),
        "the agents handing over their engines did not drain");
    List<Agent> started = byNode.values().stream().map(this::launch).toList();
    try {
      await(
          started.stream().map(Agent::firstReady).toList(),
          config.setupTimeout().multipliedBy(2),
          "agents were not ready");
    } catch (FleetException e) {
      started.forEach(a -> stop(a.spec().node()));
      throw e;
    }
    leaving.forEach(this::drain);
    LOG.info(
        "deployment applied: {} as '{}' on {} ({} agent(s) started, {} draining)",
        model.name(),
        instance,
        allocation.text(),
        started.size(),
        leaving.size());
  }

  /**
   * Drains the agent on one engine; it takes no new work, finishes its work, and exits for good.
   */
  public synchronized Optional<CompletableFuture<Void>> drain(String node) {
    Member m = members.get(node);
    return m == null ? Optional.empty() : Optional.of(drain(m));
  }

  public synchronized List<Agent> agents() {
    return members.values().stream().map(Member::agent).toList();
  }

  /** How many requests one agent may work on at once. */
  public int maxInFlight() {
    return config.maxInFlight();
  }

  /** The agents of the given group, in allocation order. */
  public List<Agent> group(int group) {
    return agents().stream().filter(a -> a.spec().group() == group).toList();
  }

  /**
   * Drains every agent, so requests in flight finish (within the drain timeout), then stops what is
   * left.
   */
  @Override
  public synchronized void close() {
    List<CompletableFuture<Void>> drains =
        members.values().stream().map(m -> m.keeper().drain()).toList();
    try {
      await(drains, config.drainTimeout(), "agents did not drain");
    } catch (FleetException e) {
      LOG.warn("stopping agents that did not drain: {}", e.getMessage());
    }
    members.values().forEach(m -> m.keeper().stop());
    members.clear();
  }

  private CompletableFuture<Void> drain(Member m) {
    CompletableFuture<Void> done = m.keeper().drain();
    done.thenRun(
        () -> {
          synchronized (this) {
            members.remove(m.agent().spec().node(), m);
          }
        });
    return done;
  }

  private void stop(String node) {
    Member m = members.remove(node);
    if (m != null) m.keeper().stop();
  }

  private Agent launch(AgentSpec spec) {
    Agent agent = new Agent(spec);
    AgentKeeper keeper = new AgentKeeper(agent, launcher, config);
    members.put(spec.node(), new Member(agent, keeper));
    keeper.start();
    return agent;
  }

  private List<AgentSpec> specs(ModelConfig model, Allocation allocation, String instance) {
    List<AgentSpec> specs = new ArrayList<>();
    for (Allocation.Group g : allocation.groups()) {
      List<String> peers =
          allocation.groups().stream()
              .filter(o -> o.index() != g.index())
              .flatMap(o -> o.engines().stream().map(Datacenter.Engine::node))
              .toList();
      for (Datacenter.Engine e : g.engines()) {
        specs.add(
            new AgentSpec(
                e, socketDir.resolve(e.socket()), model, g.role(), g.index(), instance, peers));
      }
    }
    return specs;
  }

  private static void await(
      Collection<CompletableFuture<Void>> futures, Duration within, String late)
      throws FleetException {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new FleetException(e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new FleetException(late + " within " + within.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FleetException("interrupted while waiting for agents");
    }
  }
}
