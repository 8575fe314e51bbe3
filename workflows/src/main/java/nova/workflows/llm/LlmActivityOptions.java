package nova.workflows.llm;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * A model call streams for up to several minutes; its heartbeats show the worker is still alive, so
 * a crashed worker's call moves to another within the heartbeat timeout rather than the whole
 * start-to-close. Transient failures retry with backoff up to a day; refusals never retry.
 */
public final class LlmActivityOptions {
  public static final Duration START_TO_CLOSE = Duration.ofMinutes(10);
  public static final Duration HEARTBEAT = Duration.ofSeconds(30);
  public static final Duration FIRST_RETRY = Duration.ofSeconds(2);
  public static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
  public static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
  public static final double BACKOFF = 2.0;

  public static final ActivityOptions CHAT =
      ActivityOptions.newBuilder()
          .setTaskQueue(LlmActivities.TASK_QUEUE)
          .setStartToCloseTimeout(START_TO_CLOSE)
          .setHeartbeatTimeout(HEARTBEAT)
          .setScheduleToCloseTimeout(GIVE_UP_AFTER)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(FIRST_RETRY)
                  .setBackoffCoefficient(BACKOFF)
                  .setMaximumInterval(LONGEST_RETRY)
                  .setDoNotRetry(LlmFailure.nonRetryable())
                  .build())
          .build();

  private LlmActivityOptions() {}
}
