package nova.web.platform;

import io.dropwizard.lifecycle.Managed;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The connection to Temporal, and this process's workers: the task queue, the model calls' queue,
 * memory's, and the conductor's.
 */
public final class Temporal implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(Temporal.class);
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("temporal-deadlines").factory());
  private final String address;
  private final TemporalNamespace namespace;
  private volatile boolean workersStarted;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final int workflowPollers;
  private final WorkerActivities activities;
  private WorkerFactory workers;

  /** Workers replaced after an outage that may still finish an activity. */
  private final List<WorkerFactory> retiring = new ArrayList<>();

  private boolean stopped;

  public Temporal(
      String address,
      String namespace,
      Duration retention,
      int workflowPollers,
      WorkerActivities activities) {
    this.address = address;
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setRpcTimeout(Duration.ofSeconds(10))
                .build());
    this.client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    this.namespace = new TemporalNamespace(service, address, namespace, retention);
    this.workflowPollers = workflowPollers;
    this.activities = activities;
    this.workers = newWorkers();
  }

  private WorkerFactory newWorkers() {
    WorkerFactory workers =
        WorkerFactory.newInstance(
            client, WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build());
    Worker worker =
        workers.newWorker(
            TaskWorkflow.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setUsingVirtualThreads(true)
                .setMaxConcurrentWorkflowTaskPollers(workflowPollers)
                .build());
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities.store(), activities.notifications());
    workers
        .newWorker(
            LlmActivities.TASK_QUEUE,
            WorkerOptions.newBuilder().setUsingVirtualThreads(true).build())
        .registerActivitiesImplementations(activities.llm());
    // embedding is CPU work: a few at a time, so model calls and the task queue keep the cores too
    // a switch's heartbeats reach Temporal each second, so a cancel stops its pass within a batch
    Worker memoryWorker =
        workers.newWorker(
            MemoryActivities.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(4)
                .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(1))
                .build());
    memoryWorker.registerWorkflowImplementationTypes(MemoryReembedWorkflowImpl.class);
    memoryWorker.registerActivitiesImplementations(activities.memory(), activities.memoryModels());
    workers
        .newWorker(
            ConductorActivities.TASK_QUEUE,
            WorkerOptions.newBuilder().setUsingVirtualThreads(true).build())
        .registerActivitiesImplementations(activities.conductor());
    return workers;
  }

  public WorkflowClient client() {
    return client;
  }

  /** Temporal answers. */
  public boolean ping() {
    service
        .blockingStub()
        .withDeadlineAfter(2, TimeUnit.SECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
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
      LOG.warn(
          "Temporal at {} is not answering ({}); the server starts without it and its workers start"
              + " once it answers",
          address,
          down.getStatus().getCode());
    }
  }

  /**
   * The workers ask Temporal for their namespace before they poll, so this fails while it is down.
   */
  public synchronized void startWorkers() {
    if (workersStarted || stopped) return;
    namespace.registerIfMissing();
    workers.start();
    workersStarted = true;
  }

  /**
   * After an outage. While Temporal is away, each of the SDK's pollers doubles its pause after
   * every failed poll, up to a minute, and sleeps that out even once Temporal is back: new tasks
   * would wait that long (after a 30 s outage, past the 10 s an action may take). New workers poll
   * at once; the old ones stop polling, finish what they hold, and hand their sticky queues back.
   */
  public synchronized void renewWorkers() {
    if (stopped) return;
    if (!workersStarted) {
      startWorkers();
      return;
    }
    WorkerFactory fresh = newWorkers();
    try {
      fresh.start();
    } catch (RuntimeException stillDown) {
      fresh.shutdownNow();
      throw stillDown;
    }
    WorkerFactory old = workers;
    workers = fresh;
    old.shutdown();
    retiring.removeIf(WorkerFactory::isTerminated);
    retiring.add(old);
    LOG.info("Temporal is back: new workers poll at once, the old ones finish what they hold");
  }

  /**
   * Runs a call to Temporal with a deadline on it and on the SDK's retries beneath, so it cannot
   * hang while Temporal is away.
   */
  public static <T> T within(Duration bound, Supplier<T> call) {
    Context.CancellableContext bounded =
        Context.current().withDeadlineAfter(bound.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
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
  public synchronized void stop() {
    stopped = true;
    if (workersStarted) {
      retiring.add(workers);
      retiring.forEach(WorkerFactory::shutdown);
      for (WorkerFactory factory : retiring) factory.awaitTermination(5, TimeUnit.SECONDS);
    }
    service.shutdown();
  }
}
