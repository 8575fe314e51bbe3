package nova.workflows.task;

/**
 * An action the task's current state does not allow. Thrown by Update validators (so the action
 * never enters history) and again by handlers, which re-check under the workflow's lock.
 */
public class TransitionRejected extends IllegalStateException {
  public static final String TYPE = TransitionRejected.class.getName();

  public TransitionRejected(TaskAction action, TaskStatus status) {
    super(
        "'%s' is not allowed while the task is %s; allowed now: %s"
            .formatted(
                action.wireName(),
                status.wireName(),
                TaskAction.allowedIn(status).stream().map(TaskAction::wireName).toList()));
  }

  public TransitionRejected(String message) {
    super(message);
  }
}
