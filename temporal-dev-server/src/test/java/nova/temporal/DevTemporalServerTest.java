package nova.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DevTemporalServerTest {
  private static final int UPDATES = 400;

  @Test
  void manyUpdatesLeaveABoundedLockLogWhileTimeStillMovesWithTheWallClock() throws Exception {
    try (DevTemporalServer server = DevTemporalServer.start(0)) {
      assertThat(server.lockLogBounded()).isTrue();
      assertThat(countUpdates(server.port())).as("the hour-long timer was not skipped").isTrue();

      assertThat(server.lockLogSize()).isBetween(1, BoundedLockLog.CAPACITY);
    }
  }

  @Test
  void upstreamsLogGrowsWithEveryWorkflowTaskWhichIsWhyItIsBounded() throws Exception {
    // If this fails after a Temporal upgrade, upstream fixed the leak: drop BoundedLockLog.
    try (UpstreamServer upstream = new UpstreamServer()) {
      countUpdates(upstream.port());
      assertThat(DevTemporalServer.lockLogOf(upstream.services).size()).isGreaterThan(UPDATES);
    }
  }

  /** Drives one Counter through UPDATES Updates; true if it was still running before it was stopped. */
  private static boolean countUpdates(int port) {
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    WorkerFactory workers = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    try {
      String queue = "counter-" + UUID.randomUUID();
      workers.newWorker(queue).registerWorkflowImplementationTypes(CounterImpl.class);
      workers.start();
      Counter counter = workers.getWorkflowClient().newWorkflowStub(
          Counter.class, WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(queue).build());
      WorkflowClient.start(counter::run);
      for (int i = 1; i <= UPDATES; i++) {
        assertThat(counter.increment()).isEqualTo(i);
      }
      WorkflowExecutionStatus status = service.blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
              .setExecution(WorkflowStub.fromTyped(counter).getExecution()).build())
          .getWorkflowExecutionInfo().getStatus();
      counter.stop();
      assertThat(WorkflowStub.fromTyped(counter).getResult(Integer.class)).isEqualTo(UPDATES);
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } finally {
      workers.shutdownNow();
      service.shutdownNow();
    }
  }
}
