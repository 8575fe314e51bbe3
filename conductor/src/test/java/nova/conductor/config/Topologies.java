package nova.conductor.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Datacenters and model configs built in code, for allocation tests. */
final class Topologies {
  private Topologies() {}

  /** chassis × racks × engines, ids c1.., r1.., e0.., default sockets. */
  static Datacenter grid(int chassis, int racks, int engines) {
    List<Datacenter.Chassis> all = new ArrayList<>();
    for (int c = 1; c <= chassis; c++) {
      List<Datacenter.Rack> rackList = new ArrayList<>();
      for (int r = 1; r <= racks; r++) {
        List<Datacenter.Engine> engineList = new ArrayList<>();
        for (int e = 0; e < engines; e++) {
          engineList.add(engine("c" + c, "r" + r, "e" + e));
        }
        rackList.add(new Datacenter.Rack("r" + r, engineList));
      }
      all.add(new Datacenter.Chassis("c" + c, rackList));
    }
    return new Datacenter("grid", all);
  }

  static Datacenter.Engine engine(String chassis, String rack, String id) {
    return new Datacenter.Engine(chassis, rack, id, chassis + rack + id + ".sock");
  }

  /** A model of the kind with no engine limits on its roles. */
  static ModelConfig unlimited(ModelKind kind) {
    List<ModelConfig.Role> roles =
        kind.roleNames().stream()
            .map(
                name ->
                    new ModelConfig.Role(
                        name,
                        name + "-model",
                        1,
                        ModelConfig.Role.UNLIMITED,
                        name.equals(kind.servingRoleName())))
            .toList();
    return new ModelConfig("test", kind, 4096, roles, ModelConfig.Lora.NONE);
  }

  static Datacenter example() {
    try {
      return Configs.datacenter(Path.of("configs", "datacenter.toml"));
    } catch (ConfigException e) {
      throw new AssertionError(e);
    }
  }

  static ModelConfig exampleModel(String file) {
    try {
      return Configs.model(Path.of("configs", file));
    } catch (ConfigException e) {
      throw new AssertionError(e);
    }
  }
}
