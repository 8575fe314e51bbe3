package nova.conductor.config;

import java.util.List;
import java.util.Optional;

/** The hardware: chassis hold racks, racks hold inference engines. Lists keep the file's order. */
public record Datacenter(String name, List<Chassis> chassis) {
  public Datacenter {
    chassis = List.copyOf(chassis);
  }

  public record Chassis(String id, List<Rack> racks) {
    public Chassis {
      racks = List.copyOf(racks);
    }

    public Optional<Rack> rack(String rackId) {
      return racks.stream().filter(rack -> rack.id().equals(rackId)).findFirst();
    }
  }

  public record Rack(String id, List<Engine> engines) {
    public Rack {
      engines = List.copyOf(engines);
    }

    public Optional<Engine> engine(String engineId) {
      return engines.stream().filter(engine -> engine.id().equals(engineId)).findFirst();
    }
  }

  /** One inference engine; its agent listens on socket, a file name in the app's socket_dir. */
  public record Engine(String chassis, String rack, String id, String socket) {
    /** Longest socket name that still fits after the longest socket_dir and a '/'. */
    public static final int MAX_SOCKET_NAME_BYTES = 107 - AppConfig.Agents.MAX_SOCKET_DIR_BYTES - 1;

    /** The name allocations use for this engine, such as "c1r1e0". */
    public String node() {
      return chassis + rack + id;
    }
  }

  public Optional<Chassis> chassis(String chassisId) {
    return chassis.stream().filter(c -> c.id().equals(chassisId)).findFirst();
  }

  /** Every engine, in file order. */
  public List<Engine> engines() {
    return chassis.stream()
        .flatMap(c -> c.racks().stream())
        .flatMap(rack -> rack.engines().stream())
        .toList();
  }
}
