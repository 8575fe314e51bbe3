package nova.workflows.memory.messages;

import java.util.Locale;

/** Where a model switch stands; the last three are ends. */
public enum ReembedPhase {
  REGISTERING,
  EMBEDDING,
  ACTIVATING,
  DONE,
  CANCELLED,
  FAILED;

  public boolean ended() {
    return this == DONE || this == CANCELLED || this == FAILED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
