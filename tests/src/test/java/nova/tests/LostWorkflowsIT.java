package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nova.web.platform.Database;
import nova.web.task.LostWorkflows;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A task whose workflow Temporal no longer has (a Temporal that started empty, or a run that was
 * terminated) is started again from its stored state and takes actions as before.
 */
class LostWorkflowsIT {
  @Test
  void aTaskWhoseWorkflowWasLostResumesWhereItStood() {
    Fixtures.Agent agent = Fixtures.agent(true);
    String projectId = Fixtures.projectId(agent.projectName());
    UUID task = UUID.randomUUID();
    Database database = Fixtures.database();
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7243"))
                .build());
    try {
      storeTaskInPlanReviewWithoutAWorkflow(
          database.jdbi(), task, UUID.fromString(projectId), UUID.fromString(agent.serverId()));
      int resumed =
          new LostWorkflows(WorkflowClient.newInstance(service), database.jdbi(), 3600).resumeAll();
      assertThat(resumed).isGreaterThanOrEqualTo(1);
      assertThat(
              new LostWorkflows(WorkflowClient.newInstance(service), database.jdbi(), 3600)
                  .resumeAll())
          .as("nothing left to resume")
          .isZero();
    } finally {
      service.shutdown();
      database.stop();
    }
    var approved =
        Fixtures.expect(
                Api.admin().post("/api/v1/tasks/" + task + "/plan/approve", Map.of()), "running")
            .json();
    assertThat(LifecycleIT.types(approved))
        .containsExactly(
            "created", "assigned", "plan_mode", "plan_submitted", "resumed", "plan_approved");
    Fixtures.expect(
        agent.api().post("/api/v1/server/tasks/" + task + "/complete", Map.of("text", "done")),
        "done");
  }

  @Test
  void aRepeatedRequestIsAppliedOnceAcrossANewRunOfTheTasksWorkflow() {
    Fixtures.Agent agent = Fixtures.agent(false);
    String task = Fixtures.task(agent);
    Api keyed = agent.api().with("Idempotency-Key", "note-across-runs");
    assertThat(
            keyed
                .post("/api/v1/server/tasks/" + task + "/notes", Map.of("content", "once"))
                .status())
        .isEqualTo(200);
    Database database = Fixtures.database();
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7243"))
                .build());
    try {
      // the run ends outside Nova (as if Temporal had lost it) and a new one starts
      // from PostgreSQL: Temporal no longer knows the Update id, only the stored event does.
      WorkflowClient client = WorkflowClient.newInstance(service);
      client.newUntypedWorkflowStub("task-" + task).terminate("a test forgets the run");
      assertThat(new LostWorkflows(client, database.jdbi(), 3600).resumeAll())
          .isGreaterThanOrEqualTo(1);
    } finally {
      service.shutdown();
      database.stop();
    }
    Api.Reply repeated =
        keyed.post("/api/v1/server/tasks/" + task + "/notes", Map.of("content", "once"));
    assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
    assertThat(repeated.json().path("notes").size()).as("the note, once").isEqualTo(1);
    Api.Reply fresh =
        agent.api().post("/api/v1/server/tasks/" + task + "/notes", Map.of("content", "another"));
    assertThat(fresh.json().path("notes").size()).as("a new request still acts").isEqualTo(2);
  }

  @Test
  void aRequestWhoseEventTemporalNeverCommittedIsAppliedWhenSentAgain() {
    Fixtures.Agent agent = Fixtures.agent(false);
    String task = Fixtures.task(agent);
    var started =
        Fixtures.expect(
                agent.api().post("/api/v1/server/tasks/" + task + "/start", Map.of("text", "go")),
                "running")
            .json();
    long seq = started.path("events").size();
    String actor = started.path("events").get((int) seq - 1).path("actor").asText();
    // What a workflow task leaves when Temporal dies after it stored its event and before it
    // committed: the help in PostgreSQL (event, state, question), not in the workflow.
    Database database = Fixtures.database();
    try {
      database
          .jdbi()
          .useTransaction(
              h -> {
                h.createUpdate(
                        """
                        INSERT INTO task_events (task_id, seq, type, from_status, to_status, actor, details, created_at, request_id)
                        VALUES (:t, :seq, 'help_requested', 'running', 'needs_human', :actor, CAST(:details AS jsonb), now() - interval '1 minute', :request)\
                        """)
                    .bind("t", UUID.fromString(task))
                    .bind("seq", seq)
                    .bind("actor", actor)
                    .bind("request", "idem|" + actor + "|request_help|lost-help")
                    .bind(
                        "details",
                        "{\"text\": \"stuck\", \"intervention_id\": \"" + UUID.randomUUID() + "\"}")
                    .execute();
                h.createUpdate(
                        "UPDATE tasks SET status = 'needs_human', version = :seq WHERE id = :t")
                    .bind("seq", seq)
                    .bind("t", UUID.fromString(task))
                    .execute();
              });
    } finally {
      database.stop();
    }
    Api.Reply again =
        agent
            .api()
            .with("Idempotency-Key", "lost-help")
            .post("/api/v1/server/tasks/" + task + "/help", Map.of("text", "stuck"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    var detail = Api.admin().get("/api/v1/tasks/" + task).json();
    assertThat(detail.path("task").path("status").asText()).isEqualTo("needs_human");
    assertThat(LifecycleIT.types(detail))
        .containsExactly("created", "assigned", "started", "help_requested");
    // the question the person sees is the one the workflow holds: answering it goes on
    String question = detail.path("interventions").get(0).path("id").asText();
    Fixtures.expect(
        Api.admin()
            .post(
                "/api/v1/tasks/" + task + "/interventions/" + question + "/respond",
                Map.of("text", "postgres")),
        "running");
    Fixtures.expect(
        agent.api().post("/api/v1/server/tasks/" + task + "/complete", Map.of("text", "done")),
        "done");
  }

  private static void storeTaskInPlanReviewWithoutAWorkflow(
      Jdbi jdbi, UUID task, UUID project, UUID server) {
    Instant at = Instant.now();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO tasks (id, project_id, title, spec, status, server_id, plan, version, created_by, created_at, updated_at)
                  VALUES (:id, :project, 'lost', 'spec', 'plan_review', :server, 'the plan', 3, 'test', :at, :at)\
                  """)
              .bind("id", task)
              .bind("project", project)
              .bind("server", server)
              .bind("at", at)
              .execute();
          String[][] events = {
            {"0", "created", null, "pending"},
            {"1", "assigned", "pending", "assigned"},
            {"2", "plan_mode", "assigned", "planning"},
            {"3", "plan_submitted", "planning", "plan_review"}
          };
          for (String[] e : events) {
            h.createUpdate(
                    "INSERT INTO task_events (task_id, seq, type, from_status, to_status, actor,"
                        + " created_at) VALUES (:t, :seq, :type, :from, :to, 'test', :at)")
                .bind("t", task)
                .bind("seq", Long.parseLong(e[0]))
                .bind("type", e[1])
                .bind("from", e[2])
                .bind("to", e[3])
                .bind("at", at)
                .execute();
          }
        });
  }
}
