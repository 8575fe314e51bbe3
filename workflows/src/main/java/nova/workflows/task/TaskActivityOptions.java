package nova.workflows.task;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Projections and notices are short local activities: they run inside the workflow task that
 * accepted the action, so an action's HTTP call returns once its projection is readable. They retry
 * without a deadline and no failure is non-retryable: an accepted action waits out a database
 * outage rather than being lost, and its projection is written before the action completes.
 */
final class TaskActivityOptions {
  static final Duration START_TO_CLOSE = Duration.ofSeconds(10);
  static final Duration FIRST_RETRY = Duration.ofMillis(200);
  static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

  /**
   * Effectively forever, and it must be set: the SDK treats a local activity with unlimited
   * attempts and no schedule-to-close timeout as having no retry policy, and fails it on its first
   * error.
   */
  static final Duration RETRY_FOR = Duration.ofDays(365);

  static final LocalActivityOptions LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(START_TO_CLOSE)
          .setScheduleToCloseTimeout(RETRY_FOR)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(FIRST_RETRY)
                  .setMaximumInterval(LONGEST_RETRY)
                  .build())
          .build();

  private TaskActivityOptions() {}
}
