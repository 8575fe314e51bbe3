package nova.conductor.config;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses the --allocation argument: groups separated by ':', one per role of the model, each a
 * ','-separated list of nodes, where a node is a rack ({@code c1r1}, all its engines) or one engine
 * ({@code c1r1e0}).
 */
public final class Allocations {
  private Allocations() {}

  public static Allocation parse(String text, Datacenter dc, ModelConfig model)
      throws ConfigException {
    if (text == null || text.isEmpty()) {
      throw ConfigException.ofAllocation(
          String.valueOf(text),
          "is empty; expected a node such as c1r1 or c1r1e0 for each role, groups separated by"
              + " ':'");
    }
    List<AllocationScanner.ScannedGroup> scanned = new AllocationScanner(text, dc).groups();
    List<ModelConfig.Role> roles = model.roles();
    if (scanned.size() != roles.size()) throw wrongGroupCount(text, scanned.size(), model);
    List<Allocation.Group> groups = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      groups.add(checked(text, i, roles.get(i), scanned.get(i)));
    }
    return new Allocation(text, groups);
  }

  private static Allocation.Group checked(
      String text, int index, ModelConfig.Role role, AllocationScanner.ScannedGroup group)
      throws ConfigException {
    int count = group.engines().size();
    String has = "group " + (index + 1) + " (" + role.name() + ") has " + plural(count, "engine");
    if (count < role.minEngines()) {
      throw ConfigException.inAllocation(
          text,
          group.position(),
          has + "; role " + role.name() + " needs at least " + role.minEngines());
    }
    if (count > role.maxEngines()) {
      throw ConfigException.inAllocation(
          text,
          group.position(),
          has + "; role " + role.name() + " takes at most " + role.maxEngines());
    }
    return new Allocation.Group(index, role, group.engines());
  }

  private static ConfigException wrongGroupCount(String text, int groups, ModelConfig model) {
    String roles =
        model.roles().stream().map(ModelConfig.Role::name).collect(Collectors.joining(":"));
    String what =
        plural(groups, "group")
            + " for "
            + plural(model.roles().size(), "role")
            + " of "
            + model.kind().wire()
            + " ("
            + roles
            + ")";
    return ConfigException.ofAllocation(
        text,
        groups < model.roles().size()
            ? what + "; separate the groups with ':'"
            : what + "; group i serves role i");
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
