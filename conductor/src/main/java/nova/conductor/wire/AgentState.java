package nova.conductor.wire;

/**
 * An agent's lifecycle as it reports it in heartbeats. Declaration order is the schema's enumerant
 * order: only append.
 */
public enum AgentState {
  STARTING,
  LOADING,
  READY,
  DRAINING,
  DRAINED,
  FAILED
}
