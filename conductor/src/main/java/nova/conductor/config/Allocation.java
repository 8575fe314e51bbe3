package nova.conductor.config;

import java.util.List;

/** Which engines serve which role: group i (0-based index) serves the model config's role i. */
public record Allocation(String text, List<Group> groups) {
  public Allocation {
    groups = List.copyOf(groups);
  }

  /** A role's engines, racks expanded to their engines in file order. */
  public record Group(int index, ModelConfig.Role role, List<Datacenter.Engine> engines) {
    public Group {
      engines = List.copyOf(engines);
    }
  }

  /** Every allocated engine, group by group. */
  public List<Datacenter.Engine> engines() {
    return groups.stream().flatMap(group -> group.engines().stream()).toList();
  }
}
