package nova.workflows.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import nova.workflows.memory.messages.ReembedPass;
import nova.workflows.memory.messages.ReembedStart;
import nova.workflows.memory.messages.ReembedStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from runs of {@link MemoryReembedWorkflowImpl} against fake model
 * activities: one that activated at the second try, one cancelled mid-pass, one whose model was
 * refused. Keep them as recorded; a change of shape goes behind Workflow.getVersion.
 */
class MemoryReembedWorkflowReplayTest {
  private static final String DONE = "histories/memory-reembed-done.json";

  @ParameterizedTest
  @ValueSource(
      strings = {
        DONE,
        "histories/memory-reembed-cancelled.json",
        "histories/memory-reembed-refused.json"
      })
  void recordedHistoriesReplayAgainstTheCurrentWorkflow(String resource) throws Exception {
    assertThat(history(resource).getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);

    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, MemoryReembedWorkflowImpl.class);
  }

  @Test
  void theCancelledHistoryCancelsAPassUnderWay() throws IOException {
    assertThat(history("histories/memory-reembed-cancelled.json").getEvents())
        .extracting(HistoryEvent::getEventType)
        .contains(
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
            EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
  }

  @Test
  void activatingWithoutTheLastPassIsCaughtAsNonDeterministic() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    DONE, ActivatesFirstWorkflowImpl.class))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("[TMPRL1100]");
  }

  /**
   * A plausible regression: trying the swap before any pass, in the hope that nothing is missing.
   */
  public static class ActivatesFirstWorkflowImpl extends MemoryReembedWorkflowImpl {
    private final MemoryModelActivities steps =
        Workflow.newActivityStub(MemoryModelActivities.class, MemoryActivityOptions.MEMORY);

    @WorkflowInit
    public ActivatesFirstWorkflowImpl(ReembedStart start) {
      super(start);
    }

    @Override
    public ReembedStatus run(ReembedStart start) {
      steps.activate(new ReembedPass(start.switchId(), start.model(), 0));
      return super.run(start);
    }
  }

  private static WorkflowExecutionHistory history(String resource) throws IOException {
    try (InputStream in =
        MemoryReembedWorkflowReplayTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
