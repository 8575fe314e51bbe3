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
import java.time.Duration;
import nova.workflows.conductor.ConductorActivities;
import nova.workflows.llm.LlmActivities;
import nova.workflows.memory.MemoryActivities;
import nova.workflows.memory.MemoryReembedWorkflowImpl;
import nova.workflows.task.TaskWorkflow;
import nova.workflows.task.TaskWorkflowImpl;

/** The connection to Temporal, and this process's workers: the task queue, the model calls' queue, memory's, and the conductor's. */
public final class Temporal implements Managed {
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory workers;

  public Temporal(String address, String namespace, int workflowPollers, WorkerActivities activities) {
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

  public boolean ping() {
    service.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    return true;
  }

  @Override
  public void start() {
    workers.start();
  }

  @Override
  public void stop() {
    workers.shutdown();
    workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    service.shutdown();
  }
}
