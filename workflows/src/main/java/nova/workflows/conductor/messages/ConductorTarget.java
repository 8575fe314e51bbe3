package nova.workflows.conductor.messages;

/** Which conductor: its base URL, or "" for the one Nova is configured with. */
public record ConductorTarget(String conductor) {
  public static final ConductorTarget DEFAULT = new ConductorTarget("");
}
