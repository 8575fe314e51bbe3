package nova.conductor.route;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import nova.conductor.Deployment;
import nova.conductor.config.LoraMode;
import nova.conductor.config.ModelConfig;
import nova.conductor.fleet.Agent;
import nova.conductor.fleet.AgentLost;
import nova.conductor.wire.Body;

/**
 * LoRA adapters on the serving agents. Static adapters are loaded when an agent starts; dynamic
 * ones are loaded on the agent a request lands on, first evicting the least recently loaded one
 * when the agent holds as many as the model config allows.
 */
final class LoraAdapters {
  private static final long CALL_MS = 30_000;
  private final Supplier<Deployment> deployment;

  LoraAdapters(Supplier<Deployment> deployment) {
    this.deployment = deployment;
  }

  /** Refuses an adapter this deployment cannot serve, naming the ones it can. */
  void check(String adapter) {
    if (adapter.isEmpty()) return;
    Deployment d = deployment.get();
    ModelConfig.Lora lora = d.model().lora();
    if (lora.mode() == LoraMode.NONE)
      throw RouteFailure.badRequest(
          d.instance() + " takes no LoRA adapters; use model '" + d.instance() + "'");
    if (lora.adapters().stream().noneMatch(a -> a.name().equals(adapter))) {
      throw RouteFailure.badRequest(
          "unknown adapter '"
              + adapter
              + "'; "
              + d.instance()
              + " offers "
              + lora.adapters().stream().map(ModelConfig.Adapter::name).toList());
    }
  }

  void ensureLoaded(Agent agent, String adapter) throws InterruptedException {
    if (adapter.isEmpty() || agent.adapters().contains(adapter)) return;
    ModelConfig.Lora lora = deployment.get().model().lora();
    if (lora.mode() != LoraMode.DYNAMIC)
      return; // static ones load at start; the agent says if one is missing
    synchronized (agent) {
      if (agent.adapters().contains(adapter)) return;
      if (agent.adapters().size() >= lora.maxLoaded()) {
        String evicted = agent.adapters().getFirst();
        call(agent, new Body.UnloadAdapter(evicted, 0, ""));
      }
      ModelConfig.Adapter a =
          lora.adapters().stream().filter(x -> x.name().equals(adapter)).findFirst().orElseThrow();
      Body.AdapterResult r = call(agent, new Body.LoadAdapter(a.name(), a.rank(), a.path()));
      if (!r.ok())
        throw RouteFailure.unavailable(
            "loading adapter "
                + adapter
                + " on "
                + agent.spec().node()
                + " failed: "
                + r.message());
    }
  }

  private Body.AdapterResult call(Agent agent, Body request) throws InterruptedException {
    try {
      Body reply = agent.link().call(request).get(CALL_MS, TimeUnit.MILLISECONDS);
      if (!(reply instanceof Body.AdapterResult r))
        throw RouteFailure.unavailable(
            agent.spec().node()
                + " answered an adapter call with "
                + reply.getClass().getSimpleName());
      agent.adapters(r.loaded());
      return r;
    } catch (ExecutionException | TimeoutException | AgentLost e) {
      throw RouteFailure.unavailable(
          "adapter call on " + agent.spec().node() + " failed: " + e.getMessage());
    }
  }
}
