package nova.web.memory;

import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nova.activities.llm.gateway.GatewayFailure;
import nova.activities.memory.BadMemoryRequest;
import nova.activities.memory.MemoryServices;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.errors.RejectionMessage;
import nova.workflows.failures.TransitionRefused;
import nova.workflows.failures.Unavailable;
import nova.workflows.memory.MemoryReembedWorkflow;
import nova.workflows.memory.messages.ReembedCancel;
import nova.workflows.memory.messages.ReembedPhase;
import nova.workflows.memory.messages.ReembedStart;
import nova.workflows.memory.messages.ReembedStatus;
import nova.workflows.memory.messages.ReembedWatch;

/**
 * Starts and cancels the switch of the embedding model. The model is tried before anything is
 * started, so a name that is unknown or can't embed is a 400 with the gateway's reason; only one
 * switch runs at a time, since its workflow id is fixed.
 */
public final class ModelSwitchCommands {
  private final WorkflowClient client;
  private final MemoryServices memory;

  public ModelSwitchCommands(WorkflowClient client, MemoryServices memory) {
    this.client = client;
    this.memory = memory;
  }

  public ReembedStatus start(Caller caller, String requested) {
    caller.requireAdmin();
    String name = MemoryResource.checked(() -> memory.checkedModelName(requested));
    memory
        .switchUnderWay()
        .ifPresent(
            s -> {
              throw new TransitionRefused(
                  "a switch to "
                      + s.model()
                      + " is under way ("
                      + percent(s.progress())
                      + " embedded); cancel it or wait for it to finish",
                  Map.of("switch_id", s.id().toString(), "model", s.model()));
            });
    String model = MemoryResource.checked(() -> memory.concreteModel(name));
    if (memory.activeModel().model().equals(model))
      throw new TransitionRefused(model + " is already the active model", Map.of("model", model));
    int dimensions = probe(model);
    if (dimensions > MemoryServices.MAX_DIMENSIONS) {
      throw ApiException.badRequest(
          model
              + " gives "
              + dimensions
              + "-dimension vectors; vector indexes take at most "
              + MemoryServices.MAX_DIMENSIONS);
    }
    ReembedStart start = ReembedStart.of(UUID.randomUUID().toString(), model, caller.actor());
    try {
      startWorkflow(start);
    } catch (WorkflowExecutionAlreadyStarted running) {
      awaitFinishing();
      try {
        startWorkflow(start);
      } catch (WorkflowExecutionAlreadyStarted another) {
        throw stillRunning();
      }
    }
    ReembedStatus status;
    try {
      status = running().registered(new ReembedWatch(caller.actor()));
    } catch (WorkflowNotFoundException
        | WorkflowServiceException
        | WorkflowUpdateException closed) {
      status = running().status(); // it ended before the Update reached it: a query still answers
    }
    if (status.phase() == ReembedPhase.FAILED) {
      throw status.reason().contains("under way")
          ? new TransitionRefused(status.reason(), Map.of())
          : ApiException.badRequest(status.reason());
    }
    return status;
  }

  public ReembedStatus cancel(Caller caller) {
    caller.requireAdmin();
    try {
      return running().cancel(new ReembedCancel(caller.actor()));
    } catch (WorkflowUpdateException refused) {
      throw new TransitionRefused(
          RejectionMessage.of(refused, "the switch can no longer be cancelled"), Map.of());
    } catch (WorkflowNotFoundException | WorkflowServiceException ended) {
      return orphan(caller)
          .orElseThrow(() -> new TransitionRefused("no model switch is under way", Map.of()));
    }
  }

  /**
   * A switch recorded as building whose workflow is gone (terminated by hand, or its history lost):
   * undone here, so the next can start.
   */
  private Optional<ReembedStatus> orphan(Caller caller) {
    return memory
        .switchUnderWay()
        .map(
            s -> {
              String why = "cancelled by " + caller.actor() + " after its workflow had ended";
              memory.abandonSwitch(
                  s.id(), s.model(), ReembedPhase.CANCELLED.wireName(), why, s.requestedBy());
              return new ReembedStatus(
                  s.id().toString(),
                  s.model(),
                  ReembedPhase.CANCELLED,
                  s.embedded() == null ? 0 : s.embedded(),
                  caller.actor(),
                  why);
            });
  }

  private void startWorkflow(ReembedStart start) {
    MemoryReembedWorkflow workflow =
        client.newWorkflowStub(
            MemoryReembedWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MemoryReembedWorkflow.WORKFLOW_ID)
                .setTaskQueue(MemoryReembedWorkflow.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
    WorkflowClient.start(workflow::run, start);
  }

  /**
   * The last switch has recorded its end but its workflow is still closing: a moment's wait, not a
   * refusal.
   */
  private void awaitFinishing() {
    try {
      // the database records a switch's end a moment before its workflow closes
      if (memory.switchUnderWay().isEmpty() || running().status().phase().ended()) {
        WorkflowStub.fromTyped(running()).getResult(10, TimeUnit.SECONDS, ReembedStatus.class);
        return;
      }
    } catch (TimeoutException | RuntimeException notEnding) {
      // refused below
    }
    throw stillRunning();
  }

  private static TransitionRefused stillRunning() {
    return new TransitionRefused(
        "a model switch is still running; wait for it to finish, or cancel it", Map.of());
  }

  private MemoryReembedWorkflow running() {
    return client.newWorkflowStub(MemoryReembedWorkflow.class, MemoryReembedWorkflow.WORKFLOW_ID);
  }

  private int probe(String model) {
    try {
      return memory.dimensions(model);
    } catch (BadMemoryRequest e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (GatewayFailure e) {
      throw new Unavailable(
          null,
          model
              + " did not answer a test embedding, so the switch was not started: "
              + e.getMessage(),
          Map.of(),
          null);
    }
  }

  static String percent(Double progress) {
    return progress == null ? "-" : Math.round(progress * 1000) / 10.0 + " %";
  }
}
