package nova.conductor.config;

import java.util.Locale;

/** How LoRA adapters reach the engines, if at all. */
public enum LoraMode {
  /** No adapters. */
  NONE,
  /** Every adapter is loaded at setup and stays. */
  STATIC,
  /** Adapters are loaded on demand, at most max_loaded at once. */
  DYNAMIC;

  /** The spelling in model configs: "none", "static", "dynamic". */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
