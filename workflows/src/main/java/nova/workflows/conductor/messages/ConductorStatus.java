package nova.workflows.conductor.messages;

import java.util.List;

/** What a conductor serves and how each of its agents is doing. */
public record ConductorStatus(
    String instance,
    String model,
    String kind,
    String modelConfig,
    String allocation,
    List<AgentStatus> agents) {
  public record AgentStatus(
      String node,
      String role,
      int group,
      String state,
      int inFlight,
      long completed,
      int restarts,
      List<String> adapters) {}

  public long ready() {
    return agents.stream().filter(a -> a.state().equals("ready")).count();
  }
}
