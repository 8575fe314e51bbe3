package nova.workflows.memory;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.UUID;
import nova.workflows.memory.messages.ReembedStart;
import nova.workflows.memory.messages.ReembedStatus;

/** A test Temporal with the switch workflow and fake model activities on their queue. */
final class ReembedDriver implements AutoCloseable {
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final FakeModelActivities activities;
  String firstRunId;

  ReembedDriver(
      FakeModelActivities activities, Class<? extends MemoryReembedWorkflow> implementation) {
    this.activities = activities;
    // heartbeats reach the server often enough that a cancel is noticed within a batch, as on
    // Nova's own worker
    Worker worker =
        env.newWorker(
            MemoryReembedWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxHeartbeatThrottleInterval(Duration.ofMillis(200))
                .build());
    worker.registerWorkflowImplementationTypes(implementation);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  ReembedDriver(FakeModelActivities activities) {
    this(activities, MemoryReembedWorkflowImpl.class);
  }

  MemoryReembedWorkflow start(String model) {
    MemoryReembedWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                MemoryReembedWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(MemoryReembedWorkflow.WORKFLOW_ID)
                    .setTaskQueue(MemoryReembedWorkflow.TASK_QUEUE)
                    .build());
    firstRunId =
        WorkflowClient.start(
                workflow::run, ReembedStart.of(UUID.randomUUID().toString(), model, "admin"))
            .getRunId();
    return env.getWorkflowClient()
        .newWorkflowStub(MemoryReembedWorkflow.class, MemoryReembedWorkflow.WORKFLOW_ID);
  }

  ReembedStatus result() {
    return WorkflowStub.fromTyped(
            env.getWorkflowClient()
                .newWorkflowStub(MemoryReembedWorkflow.class, MemoryReembedWorkflow.WORKFLOW_ID))
        .getResult(ReembedStatus.class);
  }

  WorkflowExecutionHistory firstRunHistory() {
    return env.getWorkflowClient().fetchHistory(MemoryReembedWorkflow.WORKFLOW_ID, firstRunId);
  }

  @Override
  public void close() {
    env.close();
  }
}
