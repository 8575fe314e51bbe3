package nova.workflows.task;

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
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskOutcome;
import nova.workflows.task.messages.TaskStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from real runs of {@link TaskWorkflowImpl}, so that a change which
 * would break running task workflows fails here first. The histories were recorded once and are
 * kept as they are; record new ones when the workflow legitimately changes shape (behind
 * Workflow.getVersion), never overwrite these.
 */
class TaskWorkflowReplayTest {
  private static final String FULL_LIFECYCLE = "histories/task-plan-mode-full.json";

  @ParameterizedTest
  @ValueSource(
      strings = {
        FULL_LIFECYCLE,
        "histories/task-cancel.json",
        "histories/task-fail.json",
        // Started with a TaskResume in needs_human, answered, reviewed and approved.
        "histories/task-resumed.json",
        // The second run of a task that continued as new after three actions: a note, approval,
        // done.
        "histories/task-continued-run.json"
      })
  void recordedHistoriesReplayAgainstTheCurrentWorkflow(String resource) throws Exception {
    assertThat(lastEventType(resource))
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);

    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, TaskWorkflowImpl.class);
  }

  /** The first run of that task: three actions, then it continued as new instead of completing. */
  @Test
  void aRunThatContinuedAsNewReplays() throws Exception {
    String resource = "histories/task-continued-as-new.json";
    assertThat(lastEventType(resource))
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, TaskWorkflowImpl.class);
  }

  @Test
  void aRunThatContinuedAsNewDoesNotReplayAgainstAWorkflowThatNeverDoes() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/task-continued-as-new.json", NeverContinuesTaskWorkflowImpl.class))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining(NonDeterministicException.class.getName());
  }

  /** A plausible regression: a run that no longer hands over and so goes on past its limits. */
  public static class NeverContinuesTaskWorkflowImpl extends TaskWorkflowImpl {
    @WorkflowInit
    public NeverContinuesTaskWorkflowImpl(TaskStart start) {
      super(
          new TaskStart(
              start.taskId(),
              start.projectId(),
              start.title(),
              start.spec(),
              start.serverId(),
              start.requirePlanApproval(),
              start.reminderAfterSeconds(),
              start.createdBy(),
              start.resume(),
              Long.MAX_VALUE));
    }
  }

  @Test
  void theFullLifecycleHistoryCoversAReminder() throws IOException {
    assertThat(history(FULL_LIFECYCLE).getEvents())
        .extracting(HistoryEvent::getEventType)
        .contains(EventType.EVENT_TYPE_TIMER_FIRED);
  }

  @Test
  void announcingATaskBeforeStoringItIsCaughtAsNonDeterministic() {
    // The replayer reports the worker's NonDeterministicException inside a replay query failure.
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    FULL_LIFECYCLE, AnnouncesBeforeStoringTaskWorkflowImpl.class))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("[TMPRL1100]")
        .hasMessageContaining("was not expected by the execution");
  }

  /** A plausible regression: the notice about a new task moved ahead of its projection. */
  public static class AnnouncesBeforeStoringTaskWorkflowImpl extends TaskWorkflowImpl {
    @WorkflowInit
    public AnnouncesBeforeStoringTaskWorkflowImpl(TaskStart start) {
      super(start);
    }

    @Override
    public TaskOutcome run(TaskStart start) {
      Workflow.newLocalActivityStub(NotifyActivities.class, TaskActivityOptions.LOCAL)
          .taskChanged(
              new TaskChange(
                  start.taskId(),
                  0,
                  TaskEventType.CREATED,
                  null,
                  TaskStatus.PENDING,
                  start.createdBy(),
                  null,
                  null,
                  null,
                  false,
                  Workflow.currentTimeMillis()));
      return super.run(start);
    }
  }

  private static EventType lastEventType(String resource) throws IOException {
    return history(resource).getLastEvent().getEventType();
  }

  private static WorkflowExecutionHistory history(String resource) throws IOException {
    try (InputStream in =
        TaskWorkflowReplayTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return WorkflowExecutionHistory.fromJson(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
