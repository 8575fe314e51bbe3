package nova.workflows.task;

import static nova.workflows.task.TaskDriver.ADMIN;
import static nova.workflows.task.TaskDriver.AGENT;
import static nova.workflows.task.TaskDriver.NO_REMINDER_SOON;
import static nova.workflows.task.TaskDriver.assertRejected;
import static nova.workflows.task.TaskStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskWorkflowTest {
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
  void planModeGoesFromCreationThroughRevisionHelpAndChangesToDone() {
    Task task = driver.start(true, driver.serverId, NO_REMINDER_SOON);
    TaskWorkflow workflow = task.workflow();
    assertThat(workflow.snapshot().status()).isEqualTo(PLANNING);

    assertThat(workflow.submitPlan(agent("plan v1")).status()).isEqualTo(PLAN_REVIEW);
    assertThat(workflow.revisePlan(human("smaller steps")).status()).isEqualTo(PLANNING);
    assertThat(workflow.submitPlan(agent("plan v2")).status()).isEqualTo(PLAN_REVIEW);
    assertThat(workflow.approvePlan(human(null)).status()).isEqualTo(RUNNING);
    TaskSnapshot helpWanted = workflow.requestHelp(agent("which database?"));
    assertThat(helpWanted.status()).isEqualTo(NEEDS_HUMAN);
    UUID intervention = helpWanted.openInterventionId();
    assertThat(intervention).isNotNull();
    TaskSnapshot answered =
        workflow.respond(new TaskInput(ADMIN, null, "postgres", intervention, false));
    assertThat(answered.status()).isEqualTo(RUNNING);
    assertThat(answered.openInterventionId()).isNull();
    assertThat(workflow.submitForReview(agent("see the branch")).status()).isEqualTo(REVIEW);
    assertThat(workflow.requestChanges(human("add tests")).status()).isEqualTo(RUNNING);
    assertThat(workflow.submitForReview(agent("tests added")).status()).isEqualTo(REVIEW);
    assertThat(workflow.approveReview(human(null)).status()).isEqualTo(DONE);

    TaskOutcome outcome = task.outcome();
    assertThat(outcome.status()).isEqualTo(DONE);
    List<TaskChange> events = activities.stored(task.id());
    assertThat(events)
        .extracting(c -> c.type().wireName())
        .containsExactly(
            "created",
            "assigned",
            "plan_mode",
            "plan_submitted",
            "plan_revision_requested",
            "plan_submitted",
            "plan_approved",
            "help_requested",
            "intervention_answered",
            "submitted_for_review",
            "changes_requested",
            "submitted_for_review",
            "review_approved");
    assertThat(events)
        .extracting(TaskChange::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(0, 12).boxed().toList());
    // "events" is the last seq, not a count: "created" is seq 0.
    assertThat(outcome.events()).isEqualTo(12);
    assertThat(events)
        .filteredOn(change -> change.interventionId() != null)
        .extracting(c -> c.type().wireName(), TaskChange::interventionId)
        .containsExactly(
            tuple("help_requested", intervention), tuple("intervention_answered", intervention));
    assertThat(activities.notified(task.id())).isEqualTo(events);
  }

  @Test
  void anActionWaitsOutAStoreAndANoticeThatFailAndIsRecordedOnce() {
    Task task = driver.start(true, driver.serverId, NO_REMINDER_SOON);
    // A local activity with unlimited attempts and no schedule-to-close timeout is not retried at
    // all by the SDK: one failed store used to fail the whole task workflow.
    activities.failNext(task.id(), 3);
    assertThat(task.workflow().submitPlan(agent("plan")).status()).isEqualTo(PLAN_REVIEW);
    assertThat(activities.storedTypes(task.id())).containsOnlyOnce("plan_submitted");
    assertThat(activities.notified(task.id())).isEqualTo(activities.stored(task.id()));
  }

  @Test
  void aChattyTaskContinuesAsNewAndStaysTheSameTask() {
    Task task = driver.startContinuingAfter(3);
    // by workflow id alone, as the web layer sends actions: whichever run is the latest
    TaskWorkflow workflow =
        testEnv
            .getWorkflowClient()
            .newWorkflowStub(TaskWorkflow.class, TaskWorkflow.workflowId(task.id()));
    String firstRun = task.untyped().getExecution().getRunId();
    workflow.submitPlan(agent("plan v1"));
    workflow.revisePlan(human("smaller"));
    // the third action of the run: the run hands over once it is done
    assertThat(workflow.submitPlan(agent("plan v2")).status()).isEqualTo(PLAN_REVIEW);
    workflow.addNote(agent("a note, in whichever run"));
    assertThat(workflow.approvePlan(human(null)).status())
        .as("the next run takes it on")
        .isEqualTo(RUNNING);
    assertThat(workflow.complete(agent("done")).status()).isEqualTo(DONE);
    assertThat(task.outcome().status()).isEqualTo(DONE);

    var runs =
        testEnv.getWorkflowClient().fetchHistory(TaskWorkflow.workflowId(task.id()), firstRun);
    assertThat(runs.getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(
            testEnv
                .getWorkflowClient()
                .newUntypedWorkflowStub(TaskWorkflow.workflowId(task.id()))
                .describe()
                .getExecution()
                .getRunId())
        .as("the task ran on in a later run")
        .isNotEqualTo(firstRun);
    List<TaskChange> events = activities.stored(task.id());
    assertThat(events)
        .extracting(c -> c.type().wireName())
        .doesNotContain("resumed")
        .containsSubsequence(
            "plan_submitted",
            "plan_revision_requested",
            "plan_submitted",
            "note_added",
            "plan_approved",
            "completed");
    assertThat(events)
        .extracting(TaskChange::seq)
        .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
  }

  @Test
  void withoutPlanApprovalATaskIsAssignedStartedAndCompleted() {
    Task task = driver.start(false, null, NO_REMINDER_SOON);
    TaskWorkflow workflow = task.workflow();
    assertThat(workflow.snapshot().status()).isEqualTo(PENDING);

    TaskSnapshot assigned =
        workflow.assign(new TaskInput(ADMIN, driver.serverId, null, null, false));
    assertThat(assigned.status()).isEqualTo(ASSIGNED);
    assertThat(assigned.serverId()).isEqualTo(driver.serverId);
    assertThat(workflow.start(agent(null)).status()).isEqualTo(RUNNING);
    assertThat(workflow.complete(agent("all green")).status()).isEqualTo(DONE);

    assertThat(task.outcome().status()).isEqualTo(DONE);
    assertThat(activities.storedTypes(task.id()))
        .containsExactly("created", "assigned", "started", "completed");
  }

  @ParameterizedTest
  @EnumSource(names = {"PLANNING", "RUNNING"})
  void anAgentCanFailItsTaskWhilePlanningOrRunning(TaskStatus status) {
    Task task = driver.startIn(status);

    assertThat(task.workflow().fail(agent("out of disk")).status()).isEqualTo(FAILED);

    assertThat(task.outcome().status()).isEqualTo(FAILED);
    TaskChange failed = activities.stored(task.id()).getLast();
    assertThat(failed.type()).isEqualTo(TaskEventType.FAILED);
    assertThat(failed.from()).isEqualTo(status);
    assertThat(failed.text()).isEqualTo("out of disk");
  }

  @ParameterizedTest
  @EnumSource(
      mode = EnumSource.Mode.EXCLUDE,
      names = {"DONE", "FAILED", "CANCELLED"})
  void cancelEndsATaskFromEveryLiveStateAndClosesItsOpenIntervention(TaskStatus status) {
    Task task = driver.startIn(status);
    UUID openIntervention = task.workflow().snapshot().openInterventionId();
    assertThat(openIntervention != null).isEqualTo(status == NEEDS_HUMAN);

    TaskSnapshot cancelled = task.workflow().cancel(human("no longer needed"));

    assertThat(cancelled.status()).isEqualTo(CANCELLED);
    assertThat(cancelled.openInterventionId()).isNull();
    assertThat(task.outcome().status()).isEqualTo(CANCELLED);
    TaskChange last = activities.stored(task.id()).getLast();
    assertThat(last.type()).isEqualTo(TaskEventType.CANCELLED);
    assertThat(last.from()).isEqualTo(status);
    assertThat(last.interventionId()).isEqualTo(openIntervention);
  }

  @Test
  void anotherServersAgentIsRefused() {
    Task task = driver.startIn(RUNNING);
    UUID otherServer = UUID.randomUUID();
    TaskSnapshot before = task.workflow().snapshot();
    int eventsBefore = activities.stored(task.id()).size();

    for (TaskAction action : List.of(TaskAction.COMPLETE, TaskAction.ADD_NOTE)) {
      assertRejected(
          () -> task.send(action, TaskInput.agent("server:other", otherServer, "mine now")),
          "this task is not assigned to server " + otherServer);
    }

    assertThat(task.workflow().snapshot()).isEqualTo(before);
    assertThat(activities.stored(task.id())).hasSize(eventsBefore);
  }

  @Test
  void aTaskKeepsAtMostItsCapOfNotesAcrossAResume() {
    Task task = driver.resume(RUNNING, 40, null, 3600, TaskState.MAX_NOTES - 1);

    assertThat(task.workflow().addNote(agent("the last one")).status()).isEqualTo(RUNNING);
    assertRejected(
        () -> task.workflow().addNote(agent("one too many")),
        "the task already holds " + TaskState.MAX_NOTES + " notes");
    assertThat(
            activities.stored(task.id()).stream().filter(c -> c.type() == TaskEventType.NOTE_ADDED))
        .hasSize(1);
    assertThat(task.workflow().complete(agent("done")).status())
        .as("the cap stops notes, not the task")
        .isEqualTo(DONE);
  }

  @Test
  void anAnswerToAnInterventionThatIsNotOpenIsRefused() {
    Task task = driver.startIn(NEEDS_HUMAN);
    UUID stale = UUID.randomUUID();

    assertRejected(
        () -> task.workflow().respond(new TaskInput(ADMIN, null, "late answer", stale, false)),
        "intervention " + stale + " is not the open one");

    assertThat(task.workflow().snapshot().status()).isEqualTo(NEEDS_HUMAN);
  }

  @Test
  void aPlanWaitingForReviewIsRemindedAboutEveryIntervalUntilApproved() {
    Task task = driver.start(true, driver.serverId, 3600);
    task.workflow().submitPlan(agent("plan"));

    testEnv.sleep(Duration.ofHours(2).plusMinutes(5));

    List<TaskChange> reminders = reminders(task);
    assertThat(reminders)
        .extracting(TaskChange::text)
        .containsExactly("waiting in plan_review for 3600 s", "waiting in plan_review for 7200 s");
    assertThat(reminders).allSatisfy(r -> assertThat(r.to()).isEqualTo(PLAN_REVIEW));
    assertThat(task.workflow().snapshot().status()).isEqualTo(PLAN_REVIEW);
    assertThat(task.workflow().approvePlan(human(null)).status()).isEqualTo(RUNNING);

    // Running waits on the agent, not on a person: no reminder there.
    testEnv.sleep(Duration.ofHours(2));
    assertThat(reminders(task)).hasSize(2);
  }

  @Test
  void aTaskStartedWithAZeroReminderIntervalIsNeverReminded() {
    Task task = driver.start(true, driver.serverId, 0);
    task.workflow().submitPlan(agent("plan"));

    testEnv.sleep(Duration.ofHours(2));

    assertThat(reminders(task)).isEmpty();
    assertThat(task.workflow().approvePlan(human(null)).status()).isEqualTo(RUNNING);
  }

  @Test
  void anUpdateIdIsAppliedOnceEvenWhenResentForAnotherActionOrAfterTheTaskEnded() {
    Task task = driver.startIn(RUNNING);
    WorkflowStub stub = task.untyped();
    UpdateOptions<TaskSnapshot> askOnce = withId(TaskAction.REQUEST_HELP, "request-help-once");

    TaskSnapshot first = stub.startUpdate(askOnce, agent("which database?")).getResult();
    TaskSnapshot resent = stub.startUpdate(askOnce, agent("which database?")).getResult();
    // The id alone names the update: a cancel sent under it gets the help request's result,
    // unapplied.
    TaskSnapshot otherActionSameId =
        stub.startUpdate(withId(TaskAction.CANCEL, "request-help-once"), human(null)).getResult();

    assertThat(resent).isEqualTo(first);
    assertThat(otherActionSameId).isEqualTo(first);
    assertThat(activities.storedTypes(task.id()))
        .containsOnlyOnce("help_requested")
        .doesNotContain("cancelled");

    task.workflow().respond(human("postgres"));
    task.workflow().complete(agent(null));
    assertThat(task.outcome().status()).isEqualTo(DONE);
    int eventsAtEnd = activities.stored(task.id()).size();

    assertThat(stub.startUpdate(askOnce, agent("which database?")).getResult()).isEqualTo(first);
    assertThat(activities.stored(task.id())).hasSize(eventsAtEnd);
  }

  @Test
  void anUpdateIdRefusedByTheValidatorCanBeUsedAgainOnceTheStateAllowsIt() {
    Task task = driver.startIn(PLANNING);
    UpdateOptions<TaskSnapshot> approve = withId(TaskAction.APPROVE_PLAN, "approve-plan-once");

    assertThatThrownBy(() -> task.untyped().startUpdate(approve, human(null)).getResult())
        .isInstanceOf(WorkflowUpdateException.class);
    task.workflow().submitPlan(agent("plan"));

    assertThat(task.untyped().startUpdate(approve, human(null)).getResult().status())
        .isEqualTo(RUNNING);
  }

  private static UpdateOptions<TaskSnapshot> withId(TaskAction action, String updateId) {
    return UpdateOptions.newBuilder(TaskSnapshot.class)
        .setUpdateName(action.updateName())
        .setUpdateId(updateId)
        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .build();
  }

  private List<TaskChange> reminders(Task task) {
    return activities.stored(task.id()).stream()
        .filter(c -> c.type() == TaskEventType.REMINDER)
        .toList();
  }

  private TaskInput agent(String text) {
    return TaskInput.agent(AGENT, driver.serverId, text);
  }

  private static TaskInput human(String text) {
    return TaskInput.human(ADMIN, text);
  }
}
