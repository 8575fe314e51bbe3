package nova.workflows.conductor;

import java.util.Arrays;

/**
 * The application failure types of {@link ConductorActivities}; all are refusals that a retry
 * cannot mend.
 */
public enum ConductorFailure {
  /**
   * A malformed request, an unknown model config, or an allocation that does not fit the datacenter
   * or the model.
   */
  BAD_REQUEST,
  /** No agent runs on the engine named. */
  NOT_FOUND,
  /** The new agents could not get ready; the conductor kept serving what it served before. */
  NOT_APPLIED;

  public static String[] names() {
    return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
  }
}
