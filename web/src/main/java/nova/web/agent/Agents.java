package nova.web.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nova.activities.llm.gateway.LlmServices;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.workflows.failures.NameTaken;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.TransitionRefused;
import nova.workflows.failures.Unavailable;
import nova.workflows.failures.UnknownModel;

/**
 * What people do with agents and pods, checked: names unique, models that the gateway can route,
 * the Nova agent kept.
 */
public final class Agents {
  private final AgentDao store;
  private final LlmServices gateway;
  private final Supplier<String> defaultModel;

  public Agents(AgentDao store, LlmServices gateway, Supplier<String> defaultModel) {
    this.store = store;
    this.gateway = gateway;
    this.defaultModel = defaultModel;
  }

  /** Once at every start: the one Nova agent exists. */
  public void ensureNova() {
    store.ensureNova(defaultModel.get());
  }

  /** The agent chat talks to when none is named. */
  public Agent nova(Caller caller) {
    caller.requireHuman();
    return store
        .nova()
        .orElseThrow(
            () ->
                new Unavailable(
                    null,
                    "the Nova agent is missing; restart Nova to recreate it",
                    Map.of(),
                    null));
  }

  public List<Agent> list(Caller caller, UUID podId) {
    caller.requireHuman();
    if (podId != null) pod(caller, podId);
    return store.agents(podId);
  }

  public Agent get(Caller caller, UUID id) {
    caller.requireHuman();
    return store.agent(id).orElseThrow(() -> new NotFound("agent", id));
  }

  public Agent create(Caller caller, AgentRequests.NewAgent body, UUID podId) {
    caller.requireAdmin();
    UUID pod = podId != null ? podId : body.podId();
    if (pod != null) pod(caller, pod);
    String model =
        body.model() == null || body.model().isBlank() ? defaultModel.get() : body.model().strip();
    List<String> fallbacks =
        body.fallbackModels() == null
            ? List.of()
            : body.fallbackModels().stream().map(String::strip).toList();
    checkModels(model, fallbacks);
    if (store.nameTaken(body.name().strip(), null))
      throw new NameTaken(
          "an agent named " + body.name().strip() + " already exists", Map.of("field", "name"));
    Instant now = Instant.now();
    Agent agent =
        new Agent(
            UUID.randomUUID(),
            body.name().strip(),
            pod,
            model,
            body.systemPrompt() == null ? "" : body.systemPrompt(),
            fallbacks,
            false,
            caller.actor(),
            now,
            now);
    store.insert(agent);
    return get(caller, agent.id());
  }

  public Agent configure(Caller caller, UUID id, AgentRequests.AgentConfig body, UUID podId) {
    caller.requireAdmin();
    Agent agent = inPod(get(caller, id), podId);
    String name = body.name() == null ? agent.name() : body.name().strip();
    if (agent.canonical() && !name.equals(Agent.NOVA))
      throw new TransitionRefused("the Nova agent keeps its name", Map.of("field", "name"));
    if (store.nameTaken(name, id))
      throw new NameTaken("an agent named " + name + " already exists", Map.of("field", "name"));
    String model = body.model() == null ? agent.model() : body.model().strip();
    List<String> fallbacks =
        body.fallbackModels() == null
            ? agent.fallbackModels()
            : body.fallbackModels().stream().map(String::strip).toList();
    checkModels(model, fallbacks);
    store.update(
        new Agent(
            id,
            name,
            agent.podId(),
            model,
            body.systemPrompt() == null ? agent.systemPrompt() : body.systemPrompt(),
            fallbacks,
            agent.canonical(),
            agent.createdBy(),
            agent.createdAt(),
            Instant.now()));
    return get(caller, id);
  }

  public void delete(Caller caller, UUID id, UUID podId) {
    caller.requireAdmin();
    Agent agent = inPod(get(caller, id), podId);
    if (agent.canonical())
      throw new TransitionRefused(
          "the Nova agent cannot be deleted; change its model or prompt instead",
          Map.of("id", id.toString()));
    store.deleteAgent(id);
  }

  public List<Pod> pods(Caller caller) {
    caller.requireHuman();
    return store.pods();
  }

  public Pod pod(Caller caller, UUID id) {
    caller.requireHuman();
    return store.pod(id).orElseThrow(() -> new NotFound("pod", id));
  }

  public Pod createPod(Caller caller, AgentRequests.NewPod body) {
    caller.requireAdmin();
    if (store.podNameTaken(body.name().strip(), null))
      throw new NameTaken(
          "a pod named " + body.name().strip() + " already exists", Map.of("field", "name"));
    Instant now = Instant.now();
    Pod pod =
        new Pod(
            UUID.randomUUID(),
            body.name().strip(),
            body.description() == null ? "" : body.description(),
            body.sandboxTier() == null ? "workspace" : body.sandboxTier(),
            caller.actor(),
            now,
            now);
    store.insertPod(pod);
    return pod(caller, pod.id());
  }

  public Pod changePod(Caller caller, UUID id, AgentRequests.PodChange body) {
    caller.requireAdmin();
    Pod pod = pod(caller, id);
    String name = body.name() == null ? pod.name() : body.name().strip();
    if (store.podNameTaken(name, id))
      throw new NameTaken("a pod named " + name + " already exists", Map.of("field", "name"));
    store.updatePod(
        new Pod(
            id,
            name,
            body.description() == null ? pod.description() : body.description(),
            body.sandboxTier() == null ? pod.sandboxTier() : body.sandboxTier(),
            pod.createdBy(),
            pod.createdAt(),
            Instant.now()));
    return pod(caller, id);
  }

  public void deletePod(Caller caller, UUID id) {
    caller.requireAdmin();
    pod(caller, id);
    store.deletePod(id);
  }

  private Agent inPod(Agent agent, UUID podId) {
    if (podId != null && !podId.equals(agent.podId()))
      throw new NotFound("agent in pod " + podId + ":", agent.id());
    return agent;
  }

  /**
   * Every model of the chain must be one the gateway can route now; the error lists what is
   * available.
   */
  private void checkModels(String model, List<String> fallbacks) {
    List<String> chain = Stream.concat(Stream.of(model), fallbacks.stream()).toList();
    for (int i = 0; i < chain.size(); i++) {
      String field = i == 0 ? "model" : "fallback_models[" + (i - 1) + "]";
      try {
        gateway.resolve(chain.get(i));
      } catch (UnknownModel e) {
        throw new ApiException(
            400, field + ": " + e.getMessage(), Map.of("field", field, "available", e.available()));
      }
    }
  }
}
