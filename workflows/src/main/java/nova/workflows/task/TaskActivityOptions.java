package nova.workflows.task;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Projections and notices are short local activities: they run inside the workflow task that
 * accepted the action, so an action's HTTP call returns once its projection is readable. They
 * retry without a deadline: an accepted action waits out a database outage rather than being lost.
 */
final class TaskActivityOptions {
  static final Duration START_TO_CLOSE = Duration.ofSeconds(10);
  static final Duration FIRST_RETRY = Duration.ofMillis(200);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  /** Failures no retry can mend. */
  enum NonRetryable {
    INVALID_PROJECTION("nova.activities.store.InvalidProjection");

    final String type;

    NonRetryable(String type) {
      this.type = type;
    }
  }

  static final LocalActivityOptions LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(START_TO_CLOSE)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(FIRST_RETRY)
                  .setMaximumInterval(LONGEST_RETRY)
                  .setDoNotRetry(java.util.Arrays.stream(NonRetryable.values()).map(n -> n.type).toArray(String[]::new))
                  .build())
          .build();

  private TaskActivityOptions() {}
}
