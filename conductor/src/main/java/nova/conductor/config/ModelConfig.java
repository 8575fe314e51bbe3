package nova.conductor.config;

import java.util.List;

/** A model instance: its kind, its roles in the kind's order, and its LoRA adapters. */
public record ModelConfig(
    String name, ModelKind kind, int maxContext, List<Role> roles, Lora lora) {
  public ModelConfig {
    roles = List.copyOf(roles);
  }

  /**
   * One part of the model and the engines it may take; serves marks the role that answers requests
   * (model, target or language).
   */
  public record Role(String name, String model, int minEngines, int maxEngines, boolean serves) {
    /** maxEngines when the config sets no upper bound. */
    public static final int UNLIMITED = Integer.MAX_VALUE;
  }

  /**
   * Static: adapters loaded at setup (maxLoaded is their count). Dynamic: adapters that may be
   * loaded at run time, at most maxLoaded at once. None: no adapters, maxLoaded 0.
   */
  public record Lora(LoraMode mode, int maxLoaded, List<Adapter> adapters) {
    public static final Lora NONE = new Lora(LoraMode.NONE, 0, List.of());

    public Lora {
      adapters = List.copyOf(adapters);
    }
  }

  public record Adapter(String name, int rank, String path) {}

  public Role servingRole() {
    return roles.stream().filter(Role::serves).findFirst().orElseThrow();
  }
}
