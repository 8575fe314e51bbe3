package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.util.UUID;
import nova.workflows.conductor.ConductorFailure;
import nova.workflows.conductor.messages.ConductorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ConductorActivities as workflows call them: a test workflow asks the Nova server's conductor
 * worker, through the real Temporal server, to steer a real conductor process with mock agents.
 */
class ConductorActivitiesIT {
  private static final String QUEUE = "conductor-probe-" + UUID.randomUUID();
  private ConductorProcess conductor;
  private WorkflowServiceStubs service;
  private WorkflowClient client;
  private WorkerFactory workers;

  @BeforeEach
  void start() throws Exception {
    NovaServer.baseUrl();
    conductor = ConductorProcess.start("c1r1", "nova-lpu");
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7243"))
                .build());
    client = WorkflowClient.newInstance(service);
    workers = WorkerFactory.newInstance(client);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(ConductorProbeWorkflow.Impl.class);
    workers.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    workers.shutdownNow();
    service.shutdown();
    conductor.close();
  }

  @Test
  void scaleDrainAndDeployTakeEffectBeforeTheyAnswer() {
    ConductorStatus status = step("status", "");
    assertThat(status.instance()).isEqualTo("nova-lpu");
    assertThat(status.ready()).isEqualTo(2);

    ConductorStatus scaled = step("scale", "c1r1,c1r2");
    assertThat(scaled.allocation()).isEqualTo("c1r1,c1r2");
    assertThat(scaled.ready()).isEqualTo(4);

    ConductorStatus drained = step("drain", "c1r2e1");
    assertThat(drained.agents())
        .extracting(ConductorStatus.AgentStatus::node)
        .doesNotContain("c1r2e1")
        .contains("c1r2e0");
    assertThat(step("drain", "c1r2e1").agents()).as("draining again changes nothing").hasSize(3);

    ConductorStatus deployed = step("deploy", "vision_model_config.toml c1r1:c2r2 eyes");
    assertThat(deployed.kind()).isEqualTo("vision");
    assertThat(deployed.instance()).isEqualTo("eyes");
    assertThat(deployed.agents())
        .extracting(ConductorStatus.AgentStatus::role)
        .contains("encoder", "language");
  }

  @Test
  void aRefusedChangeFailsAtOnceWithTheConductorsReason() {
    ApplicationFailure bad = refusal("scale", "c1r1,,c1r2");
    assertThat(bad.getType()).isEqualTo(ConductorFailure.BAD_REQUEST.name());
    assertThat(bad.isNonRetryable()).isTrue();
    assertThat(bad.getOriginalMessage()).contains("allocation 'c1r1,,c1r2'").contains("position 6");
    assertThat(refusal("deploy", "no_such_config.toml c1r1 x").getOriginalMessage())
        .contains("no_such_config.toml");
    assertThat(step("status", "").allocation()).as("nothing changed").isEqualTo("c1r1");
  }

  private ApplicationFailure refusal(String action, String argument) {
    WorkflowFailedException failed =
        catchThrowableOfType(WorkflowFailedException.class, () -> step(action, argument));
    assertThat(failed.getCause()).isInstanceOf(ActivityFailure.class);
    assertThat(failed.getCause().getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failed.getCause().getCause();
  }

  private ConductorStatus step(String action, String argument) {
    ConductorProbeWorkflow probe =
        client.newWorkflowStub(
            ConductorProbeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(Fixtures.unique("conductor-probe"))
                .build());
    return probe.run(new ConductorProbeWorkflow.Step(conductor.baseUrl(), action, argument));
  }
}
