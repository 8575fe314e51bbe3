package nova.conductor.wire;

/** How a model is served. Declaration order is the schema's enumerant order: only append. */
public enum ModelKind {
  SINGLE,
  SPEC_DECODE,
  VISION
}
