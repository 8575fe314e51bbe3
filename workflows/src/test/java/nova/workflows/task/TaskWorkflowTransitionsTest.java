package nova.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.Arrays;
import java.util.stream.Stream;
import nova.workflows.task.TaskDriver.Task;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (state, action) pair of the transition table, each on a fresh workflow. */
class TaskWorkflowTransitionsTest {
  private static final RecordingTaskActivities activities = new RecordingTaskActivities();

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(TaskWorkflowImpl.class)
          .setActivityImplementations(activities)
          .setUseTimeskipping(true)
          .build();

  private WorkflowClient client;
  private TaskDriver driver;

  @BeforeEach
  void setUp(WorkflowClient client, Worker worker) {
    this.client = client;
    this.driver = new TaskDriver(client, worker.getTaskQueue());
  }

  static Stream<Arguments> allowedPairs() {
    return pairs().filter(p -> action(p).allowedFrom(status(p)));
  }

  static Stream<Arguments> refusedPairsInLiveStates() {
    return pairs().filter(p -> !status(p).isFinal() && !action(p).allowedFrom(status(p)));
  }

  static Stream<Arguments> pairsInFinalStates() {
    return pairs().filter(p -> status(p).isFinal());
  }

  @ParameterizedTest(name = "{1} is accepted in {0}")
  @MethodSource("allowedPairs")
  void acceptsAnAllowedActionAndRecordsOneEvent(TaskStatus status, TaskAction action) {
    Task task = driver.startIn(status);
    TaskSnapshot before = task.workflow().snapshot();

    TaskSnapshot after = task.send(action, driver.inputFor(action));

    TaskStatus target = action.target(status);
    assertThat(after.status()).isEqualTo(target);
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.allowedActions())
        .containsExactlyElementsOf(
            TaskAction.allowedIn(target).stream().map(TaskAction::wireName).toList());
    TaskChange last = activities.stored(task.id()).getLast();
    assertThat(last.type()).isEqualTo(action.eventType());
    assertThat(last.seq()).isEqualTo(after.version());
    assertThat(last.from()).isEqualTo(status);
    assertThat(last.to()).isEqualTo(target);
    if (target.isFinal()) {
      assertThat(task.outcome().status()).isEqualTo(target);
    }
  }

  @ParameterizedTest(name = "{1} is refused in {0}")
  @MethodSource("refusedPairsInLiveStates")
  void refusesAnActionTheStateDoesNotAllowWithoutTouchingTheTask(
      TaskStatus status, TaskAction action) {
    Task task = driver.startIn(status);
    TaskSnapshot before = task.workflow().snapshot();
    int eventsBefore = activities.stored(task.id()).size();
    long acceptedUpdatesBefore = acceptedUpdates(task);

    assertThatThrownBy(() -> task.send(action, driver.inputFor(action)))
        .isInstanceOf(WorkflowUpdateException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              // The validator's exception reaches the client as its class name, not as the class.
              assertThat(failure.getType()).isEqualTo(TransitionRejected.TYPE);
              assertThat(failure.getOriginalMessage())
                  .startsWith(
                      "'%s' is not allowed while the task is %s"
                          .formatted(action.wireName(), status.wireName()));
            });

    assertThat(task.workflow().snapshot()).isEqualTo(before);
    assertThat(activities.stored(task.id())).hasSize(eventsBefore);
    // A validator's refusal never enters history, so replays cannot be affected by it.
    assertThat(acceptedUpdates(task)).isEqualTo(acceptedUpdatesBefore);
  }

  @ParameterizedTest(name = "{1} is refused once the task is {0}")
  @MethodSource("pairsInFinalStates")
  void refusesEveryActionOnceTheTaskHasEnded(TaskStatus status, TaskAction action) {
    Task task = driver.startIn(status);
    TaskSnapshot before = task.workflow().snapshot();
    int eventsBefore = activities.stored(task.id()).size();

    // The workflow has completed, so the server refuses before any validator could run.
    assertThatThrownBy(() -> task.send(action, driver.inputFor(action)))
        .isInstanceOf(WorkflowNotFoundException.class);

    assertThat(task.workflow().snapshot()).isEqualTo(before);
    assertThat(before.allowedActions()).isEmpty();
    assertThat(activities.stored(task.id())).hasSize(eventsBefore);
  }

  private long acceptedUpdates(Task task) {
    return client.fetchHistory(TaskWorkflow.workflowId(task.id())).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .count();
  }

  private static Stream<Arguments> pairs() {
    return Arrays.stream(TaskStatus.values())
        .flatMap(s -> Arrays.stream(TaskAction.values()).map(a -> Arguments.of(s, a)));
  }

  private static TaskStatus status(Arguments pair) {
    return (TaskStatus) pair.get()[0];
  }

  private static TaskAction action(Arguments pair) {
    return (TaskAction) pair.get()[1];
  }
}
