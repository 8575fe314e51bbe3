package nova.activities.memory;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import nova.activities.llm.gateway.GatewayFailure;
import nova.workflows.failures.UnknownModel;
import nova.workflows.memory.MemoryActivities;
import nova.workflows.memory.MemoryModelActivities;
import nova.workflows.memory.messages.ReembedBatch;
import nova.workflows.memory.messages.ReembedEnd;
import nova.workflows.memory.messages.ReembedPass;
import nova.workflows.memory.messages.ReembedPlan;
import nova.workflows.memory.messages.ReembedStart;

/**
 * The steps of a model switch; a model that is unknown, refuses, or changes its dimensions ends the
 * switch at once.
 */
final class MemoryModelActivitiesImpl implements MemoryModelActivities {
  /**
   * Long enough that the history stays short, short enough that a cancel or a crash loses little.
   */
  static final Duration PASS_BUDGET = Duration.ofSeconds(10);

  private final ModelSwitchDao switches;
  private final Reembedder reembedder;
  private final Embedders embedders;

  MemoryModelActivitiesImpl(ModelSwitchDao switches, Reembedder reembedder, Embedders embedders) {
    this.switches = switches;
    this.reembedder = reembedder;
    this.embedders = embedders;
  }

  @Override
  public ReembedPlan begin(ReembedStart start) {
    return refusing(
        () -> {
          String model = VectorIndex.checkedName(start.model());
          int dimensions = dimensions(embedders, model);
          ModelSwitchDao.Row row =
              switches.begin(
                  UUID.fromString(start.switchId()), model, dimensions, start.requestedBy());
          return new ReembedPlan(row.model(), row.dimensions());
        });
  }

  /**
   * What one probe text embeds to; the model's own refusal (unknown, no embeddings API) is a
   * BadMemoryRequest.
   */
  public static int dimensions(Embedders embedders, String model) {
    try {
      return embedders
          .of(model)
          .embed(List.of("What dimension are your vectors?"))
          .getFirst()
          .length;
    } catch (UnknownModel e) {
      throw new BadMemoryRequest(e.getMessage());
    } catch (GatewayFailure e) {
      if (e.transientFailure()) throw e;
      throw new BadMemoryRequest(model + " can't embed: " + e.getMessage());
    }
  }

  @Override
  public ReembedBatch embed(ReembedPass pass) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    // a retry takes up where the last attempt's heartbeat said it was
    long after = context.getHeartbeatDetails(Long.class).orElse(pass.after());
    Reembedder.Pass done =
        refusing(() -> reembedder.run(pass.model(), after, PASS_BUDGET, context::heartbeat));
    return new ReembedBatch(done.embedded(), done.lastChunk(), done.exhausted());
  }

  @Override
  public boolean activate(ReembedPass pass) {
    return refusing(() -> switches.activate(UUID.fromString(pass.switchId()), pass.model()));
  }

  @Override
  public void abandon(ReembedEnd end) {
    switches.abandon(
        UUID.fromString(end.switchId()),
        end.model(),
        end.phase().wireName(),
        end.reason(),
        end.requestedBy());
  }

  private static <T> T refusing(Supplier<T> step) {
    try {
      return step.get();
    } catch (BadMemoryRequest e) {
      throw refusal(e.getMessage());
    } catch (UnknownModel e) {
      throw refusal(e.getMessage());
    } catch (GatewayFailure e) {
      if (e.transientFailure()) throw e;
      throw refusal(e.getMessage());
    }
  }

  private static ApplicationFailure refusal(String message) {
    return ApplicationFailure.newBuilder()
        .setType(MemoryActivities.BAD_REQUEST)
        .setMessage(message)
        .setNonRetryable(true)
        .build();
  }
}
