package nova.conductor.fleet;

import java.nio.file.Path;
import java.util.List;
import nova.conductor.config.Datacenter;
import nova.conductor.config.ModelConfig;

/**
 * What one agent is for: its engine and socket, the role of which model it serves in which group,
 * and its peers (the engines of the instance's other groups, e.g. a target's drafts).
 */
public record AgentSpec(
    Datacenter.Engine engine,
    Path socket,
    ModelConfig model,
    ModelConfig.Role role,
    int group,
    String instance,
    List<String> peers) {
  public String node() {
    return engine.node();
  }

  /** Peers are left out: a scale of another group need not restart this agent. */
  public boolean sameWorkAs(AgentSpec other) {
    return engine.equals(other.engine)
        && model.equals(other.model)
        && role.equals(other.role)
        && group == other.group
        && instance.equals(other.instance);
  }
}
