package nova.conductor.config;

import java.util.List;

/** What a model instance is made of; the kind fixes its roles and their order. */
public enum ModelKind {
  SINGLE("single", List.of("model"), "model"),
  SPEC_DECODE("spec_decode", List.of("draft", "target"), "target"),
  VISION("vision", List.of("encoder", "language"), "language");

  private final String wire;
  private final List<String> roleNames;
  private final String servingRoleName;

  ModelKind(String wire, List<String> roleNames, String servingRoleName) {
    this.wire = wire;
    this.roleNames = roleNames;
    this.servingRoleName = servingRoleName;
  }

  /** The spelling in model configs and on the wire to agents. */
  public String wire() {
    return wire;
  }

  /** The roles a model of this kind has, in the order configs and allocations list them. */
  public List<String> roleNames() {
    return roleNames;
  }

  /** The role that answers requests. */
  public String servingRoleName() {
    return servingRoleName;
  }
}
