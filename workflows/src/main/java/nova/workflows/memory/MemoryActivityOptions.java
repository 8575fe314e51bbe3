package nova.workflows.memory;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Memory calls take milliseconds to seconds; a database outage is waited out, bad input is not. */
public final class MemoryActivityOptions {
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setDoNotRetry(MemoryActivities.BAD_REQUEST)
          .build();

  public static final ActivityOptions MEMORY =
      ActivityOptions.newBuilder()
          .setTaskQueue(MemoryActivities.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(RETRY)
          .build();

  /**
   * Undoing a switch must happen, however long the database is away: a half-undone switch would
   * block the next one.
   */
  public static final ActivityOptions UNTIL_DONE =
      ActivityOptions.newBuilder()
          .setTaskQueue(MemoryActivities.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RETRY)
          .build();

  /**
   * A re-embedding pass heartbeats after every batch; a model that stays down ends the switch after
   * about five minutes of tries.
   */
  public static final Duration PASS_HEARTBEAT = Duration.ofSeconds(30);

  public static final ActivityOptions REEMBED_PASS =
      ActivityOptions.newBuilder()
          .setTaskQueue(MemoryActivities.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setHeartbeatTimeout(PASS_HEARTBEAT)
          // a cancel waits until the pass has stopped writing, so the clean-up after it deletes
          // everything
          .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
          .setRetryOptions(RETRY.toBuilder().setMaximumAttempts(10).build())
          .build();

  private MemoryActivityOptions() {}
}
