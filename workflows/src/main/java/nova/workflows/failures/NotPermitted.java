package nova.workflows.failures;

import java.util.Map;

/** The caller is known, but its role may not do this. */
public final class NotPermitted extends Refusal {
  public NotPermitted(String message) {
    super(message, Map.of());
  }
}
