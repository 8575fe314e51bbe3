package nova.web.task;

import io.temporal.failure.ApplicationFailure;

/** The validator's own sentence, dug out of the failure chain Temporal wraps it in. */
final class RejectionMessage {
  private RejectionMessage() {}

  static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) return app.getOriginalMessage();
    }
    return "the task refused this action in its current state";
  }
}
