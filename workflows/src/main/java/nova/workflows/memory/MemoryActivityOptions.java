package nova.workflows.memory;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Memory calls take milliseconds to seconds; a database outage is waited out, bad input is not. */
public final class MemoryActivityOptions {
  public static final ActivityOptions MEMORY =
      ActivityOptions.newBuilder()
          .setTaskQueue(MemoryActivities.TASK_QUEUE)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setScheduleToCloseTimeout(Duration.ofHours(1))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .setDoNotRetry(MemoryActivities.BAD_REQUEST)
                  .build())
          .build();

  private MemoryActivityOptions() {}
}
