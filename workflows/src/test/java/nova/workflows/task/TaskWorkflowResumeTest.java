package nova.workflows.task;

import static nova.workflows.task.TaskDriver.ADMIN;
import static nova.workflows.task.TaskDriver.AGENT;
import static nova.workflows.task.TaskDriver.NO_REMINDER_SOON;
import static nova.workflows.task.TaskDriver.assertRejected;
import static nova.workflows.task.TaskStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import nova.workflows.task.TaskDriver.Task;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskOutcome;
import nova.workflows.task.messages.TaskSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A task whose workflow was lost, started again from where its projection says it stood. */
class TaskWorkflowResumeTest {
  private static final RecordingTaskActivities activities = new RecordingTaskActivities();

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(TaskWorkflowImpl.class)
          .setActivityImplementations(activities)
          .setUseTimeskipping(true)
          .build();

  private TestWorkflowEnvironment testEnv;
  private TaskDriver driver;

  @BeforeEach
  void setUp(TestWorkflowEnvironment testEnv, Worker worker) {
    this.testEnv = testEnv;
    this.driver = new TaskDriver(testEnv.getWorkflowClient(), worker.getTaskQueue());
  }

  @Test
  void aTaskResumedInPlanReviewRecordsOnlyThatItResumedAndGoesOnToDone() {
    Task task = driver.resume(PLAN_REVIEW, 3, null, NO_REMINDER_SOON);
    TaskWorkflow workflow = task.workflow();

    TaskSnapshot resumed = workflow.snapshot();
    assertThat(resumed.status()).isEqualTo(PLAN_REVIEW);
    assertThat(resumed.version()).isEqualTo(4);
    assertThat(resumed.serverId()).isEqualTo(driver.serverId);
    TaskChange first = activities.stored(task.id()).getFirst();
    assertThat(first.type()).isEqualTo(TaskEventType.RESUMED);
    assertThat(first.seq()).isEqualTo(4);
    assertThat(first.from()).isEqualTo(PLAN_REVIEW);
    assertThat(first.to()).isEqualTo(PLAN_REVIEW);
    assertThat(first.interventionId()).isNull();
    // recordCreated stores its change as seq 0 of a new task: the resumed event would be lost.
    assertThat(activities.recordedCreation(task.id())).isFalse();

    TaskSnapshot approved = workflow.approvePlan(human(null));
    assertThat(approved.status()).isEqualTo(RUNNING);
    assertThat(approved.version()).isEqualTo(5);
    assertThat(workflow.submitForReview(agent("see the branch")).status()).isEqualTo(REVIEW);
    assertThat(workflow.approveReview(human(null)).status()).isEqualTo(DONE);

    TaskOutcome outcome = task.outcome();
    assertThat(outcome.status()).isEqualTo(DONE);
    assertThat(outcome.events()).isEqualTo(7);
    List<TaskChange> events = activities.stored(task.id());
    // The start names the server, yet a resumed task is neither created nor assigned again.
    assertThat(events)
        .extracting(c -> c.type().wireName())
        .containsExactly("resumed", "plan_approved", "submitted_for_review", "review_approved")
        .doesNotContain("created", "assigned");
    assertThat(events)
        .extracting(TaskChange::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(4, 7).boxed().toList());
    assertThat(activities.notified(task.id())).isEqualTo(events);
  }

  @Test
  void aTaskResumedWaitingForAnAnswerTakesItOnlyForItsOpenIntervention() {
    UUID open = UUID.randomUUID();
    Task task = driver.resume(NEEDS_HUMAN, 7, open, NO_REMINDER_SOON);
    assertThat(task.workflow().snapshot().openInterventionId()).isEqualTo(open);
    TaskChange resumed = activities.stored(task.id()).getFirst();
    assertThat(resumed.type()).isEqualTo(TaskEventType.RESUMED);
    assertThat(resumed.seq()).isEqualTo(8);
    assertThat(resumed.interventionId()).isEqualTo(open);
    UUID other = UUID.randomUUID();

    assertRejected(
        () -> task.workflow().respond(answer(other)),
        "intervention " + other + " is not the open one (" + open + ")");
    assertThat(activities.stored(task.id())).hasSize(1);
    TaskSnapshot answered = task.workflow().respond(answer(open));

    assertThat(answered.status()).isEqualTo(RUNNING);
    assertThat(answered.openInterventionId()).isNull();
    TaskChange last = activities.stored(task.id()).getLast();
    assertThat(last.type()).isEqualTo(TaskEventType.INTERVENTION_ANSWERED);
    assertThat(last.seq()).isEqualTo(9);
    assertThat(last.interventionId()).isEqualTo(open);
  }

  @Test
  void aTaskResumedInPlanReviewIsRemindedAboutEveryIntervalLikeAnyOther() {
    Task task = driver.resume(PLAN_REVIEW, 3, null, 3600);

    testEnv.sleep(Duration.ofHours(2).plusMinutes(5));

    List<TaskChange> reminders =
        activities.stored(task.id()).stream()
            .filter(c -> c.type() == TaskEventType.REMINDER)
            .toList();
    assertThat(reminders)
        .extracting(TaskChange::seq, TaskChange::text)
        .containsExactly(
            tuple(5L, "waiting in plan_review for 3600 s"),
            tuple(6L, "waiting in plan_review for 7200 s"));
    assertThat(task.workflow().approvePlan(human(null)).status()).isEqualTo(RUNNING);
  }

  @Test
  void aTaskLostBetweenAssignedAndPlanModeEntersPlanModeBeforeTheAgentCanStart() {
    Task task = driver.resume(ASSIGNED, 1, null, NO_REMINDER_SOON);

    assertThat(task.workflow().snapshot().status()).isEqualTo(PLANNING);
    assertThat(activities.stored(task.id()))
        .extracting(c -> c.type().wireName(), TaskChange::seq, TaskChange::to)
        .containsExactly(tuple("resumed", 2L, ASSIGNED), tuple("plan_mode", 3L, PLANNING));
    assertRejected(
        () -> task.workflow().start(agent(null)),
        "'start' is not allowed while the task is planning");
    assertThat(task.workflow().submitPlan(agent("1. reproduce 2. fix")).status())
        .isEqualTo(PLAN_REVIEW);
  }

  @Test
  void anotherServersAgentIsRefusedByAResumedTask() {
    Task task = driver.resume(RUNNING, 5, null, NO_REMINDER_SOON);
    UUID otherServer = UUID.randomUUID();
    TaskSnapshot before = task.workflow().snapshot();

    for (TaskAction action : List.of(TaskAction.COMPLETE, TaskAction.REQUEST_HELP)) {
      assertRejected(
          () -> task.send(action, TaskInput.agent("server:other", otherServer, "mine now")),
          "this task is not assigned to server " + otherServer);
    }

    assertThat(task.workflow().snapshot()).isEqualTo(before);
    assertThat(activities.storedTypes(task.id())).containsExactly("resumed");
    assertThat(task.workflow().complete(agent("all green")).status()).isEqualTo(DONE);
  }

  private static TaskInput answer(UUID interventionId) {
    return new TaskInput(ADMIN, null, "postgres", interventionId, false);
  }

  private TaskInput agent(String text) {
    return TaskInput.agent(AGENT, driver.serverId, text);
  }

  private static TaskInput human(String text) {
    return TaskInput.human(ADMIN, text);
  }
}
