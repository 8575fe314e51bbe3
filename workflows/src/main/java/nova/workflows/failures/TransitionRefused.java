package nova.workflows.failures;

import java.util.Map;

/**
 * The thing exists, but its state does not allow this change now (a task's action in its status,
 * the last admin's removal, a second model switch while one runs).
 */
public final class TransitionRefused extends Refusal {
  public TransitionRefused(String message, Map<String, Object> detail) {
    super(message, detail);
  }
}
