package nova.tests.bench;

import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import nova.workflows.task.TaskWorkflow;
import nova.workflows.task.messages.TaskSnapshot;

/**
 * The baseline for the lifecycle benchmark: how many Workflow Updates per second this Temporal
 * server and Nova's worker complete when the Update does nothing at all (no activity, no database).
 * A lifecycle needs 13 Temporal round trips, so this bounds lifecycles per second.
 */
final class UpdateCeiling {
  static final int ROUND_TRIPS_PER_LIFECYCLE = 13;
  private final String temporalAddress;

  UpdateCeiling(String temporalAddress) {
    this.temporalAddress = temporalAddress;
  }

  record Result(double updatesPerSecond, Percentiles latency) {}

  Result measure(List<String> openTaskIds, int concurrency, long millis) throws Exception {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporalAddress).build());
    try {
      WorkflowClient client = WorkflowClient.newInstance(service);
      Percentiles latency = new Percentiles();
      AtomicInteger done = new AtomicInteger();
      long deadline = System.nanoTime() + millis * 1_000_000;
      long started = System.nanoTime();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < concurrency; i++) {
          String id = openTaskIds.get(i % openTaskIds.size());
          pool.submit(
              () -> {
                var stub =
                    client.newUntypedWorkflowStub(TaskWorkflow.workflowId(UUID.fromString(id)));
                while (System.nanoTime() < deadline) {
                  long t = System.nanoTime();
                  stub.startUpdate(
                          UpdateOptions.newBuilder(TaskSnapshot.class)
                              .setUpdateName(TaskWorkflow.READY)
                              .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                              .build())
                      .getResult();
                  latency.add(System.nanoTime() - t);
                  done.incrementAndGet();
                }
                return null;
              });
        }
      }
      return new Result(done.get() / ((System.nanoTime() - started) / 1e9), latency);
    } finally {
      service.shutdown();
    }
  }
}
