package nova.conductor.fleet;

import java.util.Locale;

/** Where an agent is in its life, as the conductor sees it. */
public enum AgentState {
  STARTING,
  LOADING,
  READY,
  DRAINING,
  DRAINED,
  RESTARTING,
  FAILED,
  STOPPED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
