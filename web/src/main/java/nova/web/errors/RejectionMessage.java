package nova.web.errors;

import io.temporal.failure.ApplicationFailure;

/** An Update validator's own sentence, dug out of the failure chain Temporal wraps it in. */
public final class RejectionMessage {
  private RejectionMessage() {}

  public static String of(Throwable failure, String otherwise) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) return app.getOriginalMessage();
    }
    return otherwise;
  }
}
