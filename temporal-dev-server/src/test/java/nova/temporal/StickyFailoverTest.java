package nova.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A worker that dies without a word (kill -9: its connection drops) leaves its workflows sticky to
 * it. On the repaired server the next worker gets their tasks; on upstream's they wait forever.
 */
class StickyFailoverTest {
  /** Far more than the failover needs (3 s of silence and a sweep), far less than forever. */
  private static final long PATIENCE_SECONDS = 30;

  @Test
  void anUpdateToAWorkflowOfAKilledWorkerIsAnsweredByTheNextWorker() throws Throwable {
    try (DevTemporalServer server = DevTemporalServer.start(0)) {
      assertThat(server.stickyFailover()).isTrue();
      afterAWorkerDies(server.port(), counter -> {
        assertThat(CompletableFuture.supplyAsync(counter::increment).get(PATIENCE_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(counter.increment()).as("and the workflow is sticky to the new worker").isEqualTo(3);
      });
    }
  }

  @Test
  void upstreamsServerStrandsTheWorkflowWhichIsWhyTheFailoverExists() throws Throwable {
    // If this fails after a Temporal upgrade, upstream learned to fail over: drop StickyFailover.
    try (UpstreamServer upstream = new UpstreamServer()) {
      afterAWorkerDies(upstream.port(), counter -> {
        CompletableFuture<Integer> stranded = CompletableFuture.supplyAsync(counter::increment);
        long twiceTheFailover = 2 * StickyFailover.SILENCE.toSeconds();
        try {
          stranded.get(twiceTheFailover, TimeUnit.SECONDS);
          throw new AssertionError("upstream's server answered an Update to a dead worker's workflow");
        } catch (TimeoutException expected) {
          // still waiting on the dead worker's sticky queue
        }
      });
    }
  }

  /** One worker takes a Counter through an Update and dies; a second worker starts; then the check runs. */
  private static void afterAWorkerDies(int port, ThrowingConsumer<Counter> check) throws Throwable {
    String queue = "counter-" + UUID.randomUUID();
    WorkflowServiceStubs doomed = stubs(port);
    WorkerFactory first = WorkerFactory.newInstance(WorkflowClient.newInstance(doomed));
    first.newWorker(queue).registerWorkflowImplementationTypes(CounterImpl.class);
    first.start();
    WorkflowServiceStubs service = stubs(port);
    WorkerFactory second = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    try {
      Counter counter = WorkflowClient.newInstance(service).newWorkflowStub(
          Counter.class, WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(queue).build());
      WorkflowClient.start(counter::run);
      assertThat(counter.increment()).isEqualTo(1);
      // As kill -9 would: the connection goes first, so the worker has no chance to say goodbye.
      doomed.shutdownNow();
      first.shutdownNow();
      second.newWorker(queue).registerWorkflowImplementationTypes(CounterImpl.class);
      second.start();
      check.accept(counter);
    } finally {
      second.shutdownNow();
      service.shutdownNow();
    }
  }

  private static WorkflowServiceStubs stubs(int port) {
    return WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
  }
}
