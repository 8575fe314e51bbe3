package nova.workflows.conductor;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How workflows call a conductor: changes wait on agents, so they heartbeat while they wait. */
public final class ConductorActivityOptions {
  private static final Duration CHANGE_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  public static final ActivityOptions CHANGES =
      ActivityOptions.newBuilder()
          .setTaskQueue(ConductorActivities.TASK_QUEUE)
          .setStartToCloseTimeout(CHANGE_TIMEOUT)
          .setHeartbeatTimeout(HEARTBEAT)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setMaximumAttempts(5)
                  .setDoNotRetry(ConductorFailure.names())
                  .build())
          .build();

  private ConductorActivityOptions() {}
}
