package nova.workflows.memory;

import static nova.workflows.memory.messages.ReembedPhase.CANCELLED;
import static nova.workflows.memory.messages.ReembedPhase.DONE;
import static nova.workflows.memory.messages.ReembedPhase.EMBEDDING;
import static nova.workflows.memory.messages.ReembedPhase.FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowUpdateException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nova.workflows.memory.messages.ReembedCancel;
import nova.workflows.memory.messages.ReembedEnd;
import nova.workflows.memory.messages.ReembedStatus;
import nova.workflows.memory.messages.ReembedWatch;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MemoryReembedWorkflowTest {
  private static final String MODEL = "fake/embed-64";

  @Test
  void embedsEveryChunkThenActivatesTheNewModel() {
    FakeModelActivities activities = new FakeModelActivities(10, 3);
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      ReembedStatus registered = driver.start(MODEL).registered(new ReembedWatch("admin"));
      assertThat(registered.phase()).isIn(EMBEDDING, DONE);

      ReembedStatus done = driver.result();
      assertThat(done.phase()).isEqualTo(DONE);
      assertThat(done.embedded()).isEqualTo(10);
      assertThat(activities.passStarts).containsExactly(0L, 3L, 6L, 9L);
      assertThat(activities.activations).hasValue(1);
      assertThat(activities.abandoned).isEmpty();
    }
  }

  @Test
  void chunksStillMissingAtActivationSendItBackForAnotherPass() {
    FakeModelActivities activities = new FakeModelActivities(4, 4);
    activities.activationAnswers.add(false);
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      driver.start(MODEL);
      assertThat(driver.result().phase()).isEqualTo(DONE);
      assertThat(activities.passStarts).containsExactly(0L, 0L);
      assertThat(activities.activations).hasValue(2);
    }
  }

  @Test
  void aLongSwitchContinuesAsNewAndKeepsItsCount() {
    int calls = MemoryReembedWorkflowImpl.CALLS_PER_RUN + 5;
    FakeModelActivities activities = new FakeModelActivities(calls, 1);
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      driver.start(MODEL);
      ReembedStatus done = driver.result();
      assertThat(done.phase()).isEqualTo(DONE);
      assertThat(done.embedded()).isEqualTo(calls);
      // the second run took up where the first stopped, and registered nothing again
      assertThat(activities.passStarts.get(MemoryReembedWorkflowImpl.CALLS_PER_RUN))
          .isEqualTo(MemoryReembedWorkflowImpl.CALLS_PER_RUN);
      assertThat(activities.begins).hasValue(1);
      assertThat(driver.firstRunHistory().getLastEvent().getEventType())
          .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }
  }

  @Test
  void aCancelStopsThePassUnderWayAndUndoesTheSwitch() throws InterruptedException {
    FakeModelActivities activities = new FakeModelActivities(10, 3);
    activities.passGate = new CountDownLatch(1);
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      MemoryReembedWorkflow workflow = driver.start(MODEL);
      assertThat(activities.passRunning.await(10, TimeUnit.SECONDS)).isTrue();

      ReembedStatus accepted = workflow.cancel(new ReembedCancel("alice"));
      assertThat(accepted.cancelledBy()).isEqualTo("alice");
      assertThatThrownBy(() -> workflow.cancel(new ReembedCancel("bob")))
          .isInstanceOf(WorkflowUpdateException.class)
          .cause()
          .hasMessageContaining("already being cancelled, by alice");

      ReembedStatus ended = driver.result();
      assertThat(ended.phase()).isEqualTo(CANCELLED);
      assertThat(ended.reason()).isEqualTo("cancelled by alice");
      assertThat(activities.embedded).hasValue(0);
      assertThat(activities.activations).hasValue(0);
      assertThat(activities.abandoned)
          .extracting(ReembedEnd::phase, ReembedEnd::reason)
          .containsExactly(Tuple.tuple(CANCELLED, "cancelled by alice"));
    }
  }

  @Test
  void aSwitchThatIsActivatingCanNoLongerBeCancelled() throws InterruptedException {
    FakeModelActivities activities = new FakeModelActivities(2, 2);
    activities.activationGate = new CountDownLatch(1);
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      MemoryReembedWorkflow workflow = driver.start(MODEL);
      assertThat(activities.activationRunning.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> workflow.cancel(new ReembedCancel("alice")))
          .isInstanceOf(WorkflowUpdateException.class)
          .cause()
          .hasMessageContaining("is activating and can no longer be cancelled");
      activities.activationGate.countDown();
      assertThat(driver.result().phase()).isEqualTo(DONE);
      assertThatThrownBy(() -> workflow.cancel(new ReembedCancel("alice")))
          .isInstanceOf(RuntimeException.class);
      assertThat(activities.abandoned).isEmpty();
    }
  }

  @Test
  void aModelThatCanNotBeRegisteredFailsTheSwitchAndSaysWhy() {
    FakeModelActivities activities = new FakeModelActivities(5, 5);
    activities.beginRefusal =
        "fake/embed-64 gives 4096-dimension vectors; vector indexes take 1 to 2000";
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      ReembedStatus registered = driver.start(MODEL).registered(new ReembedWatch("admin"));
      assertThat(registered.phase()).isEqualTo(FAILED);
      assertThat(registered.reason())
          .isEqualTo("could not register fake/embed-64: " + activities.beginRefusal);
      assertThat(driver.result().phase()).isEqualTo(FAILED);
      assertThat(activities.passCalls).hasValue(0);
      assertThat(activities.abandoned).extracting(ReembedEnd::phase).containsExactly(FAILED);
    }
  }

  @Test
  void aModelThatRefusesMidWayFailsTheSwitchAndUndoesIt() {
    FakeModelActivities activities = new FakeModelActivities(5, 5);
    activities.passRefusal =
        "fake/embed-64 answered 32 dimensions where it gave 64 when the switch began";
    try (ReembedDriver driver = new ReembedDriver(activities)) {
      driver.start(MODEL);
      ReembedStatus ended = driver.result();
      assertThat(ended.phase()).isEqualTo(FAILED);
      assertThat(ended.reason()).isEqualTo("re-embedding failed: " + activities.passRefusal);
      assertThat(activities.passCalls).hasValue(1);
      assertThat(activities.activations).hasValue(0);
      assertThat(activities.abandoned)
          .extracting(ReembedEnd::reason)
          .containsExactly(ended.reason());
    }
  }
}
