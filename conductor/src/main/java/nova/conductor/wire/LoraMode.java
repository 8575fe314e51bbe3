package nova.conductor.wire;

/**
 * Whether an engine serves LoRA adapters, and if so whether they change at run time. Declaration
 * order is the schema's: only append.
 */
public enum LoraMode {
  NONE,
  STATIC,
  DYNAMIC
}
