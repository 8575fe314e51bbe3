package nova.workflows.failures;

import java.util.Map;

/** A name that must be unique is in use already. */
public final class NameTaken extends Refusal {
  public NameTaken(String message, Map<String, Object> detail) {
    super(message, detail);
  }
}
