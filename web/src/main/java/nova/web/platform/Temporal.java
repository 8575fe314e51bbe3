package nova.web.platform;

import io.dropwizard.lifecycle.Managed;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nova.workflows.conductor.ConductorActivities;
import nova.workflows.llm.LlmActivities;
import nova.workflows.memory.MemoryActivities;
import nova.workflows.memory.MemoryReembedWorkflowImpl;
import nova.workflows.task.TaskWorkflow;
import nova.workflows.task.TaskWorkflowImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection to Temporal, and this process's workers: the task queue, the model calls' queue, memory's, and the conductor's. */
public final class Temporal implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(Temporal.class);
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("temporal-deadlines").factory());
  private final String address;
  private volatile boolean workersStarted;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory workers;

  public Temporal(String address, String namespace, int workflowPollers, WorkerActivities activities) {
    this.address = address;
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).setRpcTimeout(Duration.ofSeconds(10)).build());
    this.client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    this.workers =
        WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build());
    Worker worker = workers.newWorker(TaskWorkflow.TASK_QUEUE, WorkerOptions.newBuilder().setUsingVirtualThreads(true).setMaxConcurrentWorkflowTaskPollers(workflowPollers).build());
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities.store(), activities.notifications());
    workers.newWorker(LlmActivities.TASK_QUEUE, WorkerOptions.newBuilder().setUsingVirtualThreads(true).build()).registerActivitiesImplementations(activities.llm());
    // embedding is CPU work: a few at a time, so model calls and the task queue keep the cores too
    // a switch's heartbeats reach Temporal each second, so a cancel stops its pass within a batch
    Worker memoryWorker = workers.newWorker(MemoryActivities.TASK_QUEUE, WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(4)
        .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1)).build());
    memoryWorker.registerWorkflowImplementationTypes(MemoryReembedWorkflowImpl.class);
    memoryWorker.registerActivitiesImplementations(activities.memory(), activities.memoryModels());
    workers.newWorker(ConductorActivities.TASK_QUEUE, WorkerOptions.newBuilder().setUsingVirtualThreads(true).build())
        .registerActivitiesImplementations(activities.conductor());
  }

  public WorkflowClient client() {
    return client;
  }

  /** Temporal answers. */
  public boolean ping() {
    service.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS).getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    return true;
  }

  public boolean workersStarted() {
    return workersStarted;
  }

  /**
   * Starts the workers if Temporal answers; if not, the server still starts, and {@link
   * TemporalComeback} starts them once Temporal is up.
   */
  @Override
  public void start() {
    try {
      startWorkers();
    } catch (StatusRuntimeException down) {
      LOG.warn("Temporal at {} is not answering ({}); the server starts without it and its workers start once it answers", address, down.getStatus().getCode());
    }
  }

  /** The workers ask Temporal for their namespace before they poll, so this fails while it is down. */
  public synchronized void startWorkers() {
    if (workersStarted) return;
    workers.start();
    workersStarted = true;
  }

  /** Runs a call to Temporal with a deadline on it and on the SDK's retries beneath, so it cannot hang while Temporal is away. */
  public static <T> T within(Duration bound, Supplier<T> call) {
    Context.CancellableContext bounded = Context.current().withDeadlineAfter(bound.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
    try {
      return bounded.call(call::get);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      bounded.cancel(null);
    }
  }

  @Override
  public void stop() {
    if (workersStarted) {
      workers.shutdown();
      workers.awaitTermination(5, TimeUnit.SECONDS);
    }
    service.shutdown();
  }
}
