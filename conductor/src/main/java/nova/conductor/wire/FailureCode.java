package nova.conductor.wire;

/**
 * Why an agent refused or abandoned a request. Declaration order is the schema's enumerant order:
 * only append.
 */
public enum FailureCode {
  BAD_REQUEST,
  UNKNOWN_ADAPTER,
  OVERLOADED,
  DRAINING,
  INTERNAL,
  UNSUPPORTED_VERSION
}
