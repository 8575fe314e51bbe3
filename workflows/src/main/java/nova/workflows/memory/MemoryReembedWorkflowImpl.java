package nova.workflows.memory;

import static nova.workflows.memory.messages.ReembedPhase.ACTIVATING;
import static nova.workflows.memory.messages.ReembedPhase.CANCELLED;
import static nova.workflows.memory.messages.ReembedPhase.DONE;
import static nova.workflows.memory.messages.ReembedPhase.EMBEDDING;
import static nova.workflows.memory.messages.ReembedPhase.FAILED;
import static nova.workflows.memory.messages.ReembedPhase.REGISTERING;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import nova.workflows.memory.messages.ReembedBatch;
import nova.workflows.memory.messages.ReembedCancel;
import nova.workflows.memory.messages.ReembedEnd;
import nova.workflows.memory.messages.ReembedPass;
import nova.workflows.memory.messages.ReembedPhase;
import nova.workflows.memory.messages.ReembedStart;
import nova.workflows.memory.messages.ReembedStatus;
import nova.workflows.memory.messages.ReembedWatch;

/**
 * Passes over the chunks in id order, one activity call of some seconds at a time, until a pass
 * finds nothing left; then activation checks again under the models' lock, and a chunk that still
 * lacks the new model sends it back for another pass. The run continues as new every {@link
 * #CALLS_PER_RUN} calls, so a corpus of any size keeps the history short.
 */
public class MemoryReembedWorkflowImpl implements MemoryReembedWorkflow {
  static final int CALLS_PER_RUN = 200;

  private final MemoryModelActivities steps =
      Workflow.newActivityStub(MemoryModelActivities.class, MemoryActivityOptions.MEMORY);
  private final MemoryModelActivities passes =
      Workflow.newActivityStub(MemoryModelActivities.class, MemoryActivityOptions.REEMBED_PASS);
  private final MemoryModelActivities cleanUp =
      Workflow.newActivityStub(MemoryModelActivities.class, MemoryActivityOptions.UNTIL_DONE);
  private final ReembedStart start;
  private ReembedPhase phase = REGISTERING;
  private long embedded;
  private String cancelledBy;
  private String reason;
  private CancellationScope pass;

  @WorkflowInit
  public MemoryReembedWorkflowImpl(ReembedStart start) {
    this.start = start;
    this.embedded = start.embedded();
  }

  @Override
  public ReembedStatus run(ReembedStart start) {
    if (!start.registered()) {
      try {
        steps.begin(start);
      } catch (ActivityFailure failure) {
        return end(FAILED, "could not register " + start.model() + ": " + message(failure));
      }
    }
    phase = EMBEDDING;
    long after = start.after();
    for (int calls = 0; ; calls++) {
      if (cancelledBy != null) return end(CANCELLED, "cancelled by " + cancelledBy);
      if (calls == CALLS_PER_RUN) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        // a cancel handled during that wait would not survive into the next run
        if (cancelledBy != null) return end(CANCELLED, "cancelled by " + cancelledBy);
        Workflow.continueAsNew(start.continued(embedded, after));
      }
      ReembedBatch batch;
      try {
        batch = embedOnce(new ReembedPass(start.switchId(), start.model(), after));
      } catch (ActivityFailure | CanceledFailure failure) {
        if (cancelledBy != null) continue;
        return end(FAILED, "re-embedding failed: " + message(failure));
      }
      embedded += batch.embedded();
      after = batch.lastChunk();
      if (!batch.exhausted() || cancelledBy != null) continue;
      phase = ACTIVATING;
      try {
        if (steps.activate(new ReembedPass(start.switchId(), start.model(), 0)))
          return end(DONE, null);
      } catch (ActivityFailure failure) {
        return end(FAILED, "activation failed: " + message(failure));
      }
      // chunks written while the pass ran without the new model (should not happen, stores embed
      // with both): go round again
      phase = EMBEDDING;
      after = 0;
    }
  }

  private ReembedBatch embedOnce(ReembedPass next) {
    ReembedBatch[] batch = new ReembedBatch[1];
    pass = Workflow.newCancellationScope(() -> batch[0] = passes.embed(next));
    try {
      pass.run();
    } finally {
      pass = null;
    }
    return batch[0];
  }

  private ReembedStatus end(ReembedPhase how, String why) {
    reason = why;
    // ended before the clean-up, so a cancel arriving during it is refused rather than accepted and
    // ignored
    phase = how;
    if (how != DONE)
      cleanUp.abandon(
          new ReembedEnd(start.switchId(), start.model(), how, why, start.requestedBy()));
    Workflow.await(Workflow::isEveryHandlerFinished);
    return status();
  }

  private static String message(TemporalFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) return app.getOriginalMessage();
    return cause == null ? failure.getMessage() : cause.getMessage();
  }

  @Override
  public ReembedStatus status() {
    return new ReembedStatus(start.switchId(), start.model(), phase, embedded, cancelledBy, reason);
  }

  @Override
  public ReembedStatus registered(ReembedWatch watch) {
    Workflow.await(() -> phase != REGISTERING);
    return status();
  }

  @Override
  public ReembedStatus cancel(ReembedCancel cancel) {
    if (phase == ACTIVATING || phase.ended()) {
      // the swap began between this cancel's validation and its handling: refuse it the same way
      throw ApplicationFailure.newNonRetryableFailure(
          "the switch to "
              + start.model()
              + " is "
              + phase.wireName()
              + " and can no longer be cancelled",
          "ReembedCancelRefused");
    }
    cancelledBy = cancel.actor();
    if (pass != null) pass.cancel();
    return status();
  }

  @Override
  public void validateCancel(ReembedCancel cancel) {
    if (cancel == null || cancel.actor() == null)
      throw new IllegalArgumentException("a cancel needs an actor");
    if (phase.ended())
      throw new IllegalStateException(
          "the switch to " + start.model() + " has already ended: " + phase.wireName());
    if (phase == ACTIVATING)
      throw new IllegalStateException(
          "the switch to " + start.model() + " is activating and can no longer be cancelled");
    if (cancelledBy != null)
      throw new IllegalStateException(
          "the switch to " + start.model() + " is already being cancelled, by " + cancelledBy);
  }
}
