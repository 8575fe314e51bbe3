package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.activities.store.TaskStoreServices;
import nova.web.platform.Database;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.TaskStoreActivities;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The projection activity against the real PostgreSQL: a retried event is stored once, in one
 * transaction, and events of a workflow task that Temporal never committed give way to what the
 * workflow wrote after.
 */
class ProjectionStoreIT {
  private final Fixtures.Agent agent = Fixtures.agent(true);
  private final String projectId = Fixtures.projectId(agent.projectName());
  private final UUID task = UUID.randomUUID();
  private Database database;
  private Jdbi jdbi;
  private TaskStoreActivities store;

  @BeforeEach
  void connect() {
    database = Fixtures.database();
    jdbi = database.jdbi();
    store = new TaskStoreServices(jdbi, new ObjectMapper()).activities();
  }

  @AfterEach
  void disconnect() {
    database.stop();
  }

  @Test
  void aRetriedEventIsWrittenOnce() {
    TaskStart start =
        new TaskStart(task, UUID.fromString(projectId), "direct", "spec", null, true, 60, "test");
    TaskChange created =
        new TaskChange(
            task,
            0,
            TaskEventType.CREATED,
            null,
            TaskStatus.PENDING,
            "test",
            null,
            null,
            null,
            false,
            1_000);
    store.recordCreated(start, created);
    store.recordCreated(start, created);
    UUID intervention = UUID.randomUUID();
    TaskChange help =
        new TaskChange(
            task,
            1,
            TaskEventType.HELP_REQUESTED,
            TaskStatus.RUNNING,
            TaskStatus.NEEDS_HUMAN,
            "server:x",
            null,
            "why?",
            intervention,
            false,
            2_000);
    store.record(help);
    store.record(help);
    // a late write of an older workflow task (it started before the one that stored seq 1)
    TaskChange stale =
        new TaskChange(
            task,
            1,
            TaskEventType.COMPLETED,
            TaskStatus.RUNNING,
            TaskStatus.DONE,
            "server:x",
            null,
            "other",
            null,
            false,
            1_500);
    store.record(stale);

    Map<String, Object> row =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT status, version FROM tasks WHERE id = :id")
                    .bind("id", task)
                    .mapToMap()
                    .one());
    assertThat(row).containsEntry("status", "needs_human").containsEntry("version", 1L);
    assertThat(count(jdbi, "task_events", task)).isEqualTo(2);
    assertThat(count(jdbi, "interventions", task)).isEqualTo(1);
  }

  @Test
  void eventsOfAWorkflowTaskTemporalNeverCommittedGiveWayToTheWorkflowsLaterOnes() {
    UUID server = UUID.fromString(agent.serverId());
    store.recordCreated(
        new TaskStart(task, UUID.fromString(projectId), "ghost", "spec", server, false, 60, "test"),
        new TaskChange(
            task,
            0,
            TaskEventType.CREATED,
            null,
            TaskStatus.PENDING,
            "test",
            null,
            null,
            null,
            false,
            1_000));
    store.record(
        new TaskChange(
            task,
            1,
            TaskEventType.ASSIGNED,
            TaskStatus.PENDING,
            TaskStatus.ASSIGNED,
            "test",
            server,
            null,
            null,
            false,
            1_000));
    store.record(
        new TaskChange(
            task,
            2,
            TaskEventType.STARTED,
            TaskStatus.ASSIGNED,
            TaskStatus.RUNNING,
            "server:x",
            null,
            "go",
            null,
            false,
            2_000));
    // A workflow task asked for help and noted it, stored both, and died with Temporal uncommitted.
    UUID ghostQuestion = UUID.randomUUID();
    store.record(
        new TaskChange(
            task,
            3,
            TaskEventType.HELP_REQUESTED,
            TaskStatus.RUNNING,
            TaskStatus.NEEDS_HUMAN,
            "server:x",
            null,
            "which db?",
            ghostQuestion,
            false,
            3_000,
            "idem|server:x|request_help|k1",
            11));
    store.record(
        new TaskChange(
            task,
            4,
            TaskEventType.NOTE_ADDED,
            TaskStatus.NEEDS_HUMAN,
            TaskStatus.NEEDS_HUMAN,
            "server:x",
            null,
            "waiting",
            null,
            true,
            3_000,
            null,
            11));
    // After Temporal's restart the workflow, still running, takes the agent's submit as seq 3.
    TaskChange submit =
        new TaskChange(
            task,
            3,
            TaskEventType.SUBMITTED_FOR_REVIEW,
            TaskStatus.RUNNING,
            TaskStatus.REVIEW,
            "server:x",
            null,
            "the work",
            null,
            false,
            9_000,
            null,
            14);
    store.record(submit);
    store.record(submit);
    // the same workflow task run again later (its worker died): the same event, nothing changes
    store.record(
        new TaskChange(
            task,
            3,
            TaskEventType.SUBMITTED_FOR_REVIEW,
            TaskStatus.RUNNING,
            TaskStatus.REVIEW,
            "server:x",
            null,
            "the work",
            null,
            false,
            9_500,
            null,
            18));
    // a stalled worker's late write from the workflow task Temporal gave away, its clock past the
    // other's
    store.record(
        new TaskChange(
            task,
            3,
            TaskEventType.COMPLETED,
            TaskStatus.RUNNING,
            TaskStatus.DONE,
            "server:x",
            null,
            "stale",
            null,
            false,
            20_000,
            null,
            11));

    Map<String, Object> row =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT status, version, server_id, result FROM tasks WHERE id = :id")
                    .bind("id", task)
                    .mapToMap()
                    .one());
    assertThat(row)
        .containsEntry("status", "review")
        .containsEntry("version", 3L)
        .containsEntry("server_id", server)
        .containsEntry("result", "the work");
    long storedIn =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT workflow_task FROM task_events WHERE task_id = :id AND seq = 3")
                    .bind("id", task)
                    .mapTo(Long.class)
                    .one());
    assertThat(storedIn).as("the first write of the committed event stays").isEqualTo(14);
    List<String> events =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT seq || ':' || type FROM task_events WHERE task_id = :id ORDER BY"
                            + " seq")
                    .bind("id", task)
                    .mapTo(String.class)
                    .list());
    assertThat(events)
        .containsExactly("0:created", "1:assigned", "2:started", "3:submitted_for_review");
    assertThat(count(jdbi, "interventions", task)).as("the uncommitted question is gone").isZero();
    assertThat(count(jdbi, "task_notes", task)).as("and its note").isZero();
    int keyed =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM task_events WHERE task_id = :id AND request_id IS NOT"
                            + " NULL")
                    .bind("id", task)
                    .mapTo(Integer.class)
                    .one());
    assertThat(keyed).as("its Idempotency-Key no longer counts as applied").isZero();

    // The agent asks again, in a later workflow task: the question is open once, with the
    // workflow's id.
    UUID question = UUID.randomUUID();
    store.record(
        new TaskChange(
            task,
            4,
            TaskEventType.HELP_REQUESTED,
            TaskStatus.REVIEW,
            TaskStatus.NEEDS_HUMAN,
            "server:x",
            null,
            "which db?",
            question,
            false,
            10_000,
            null,
            22));
    List<UUID> open =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM interventions WHERE task_id = :id AND status = 'open'")
                    .bind("id", task)
                    .mapTo(UUID.class)
                    .list());
    assertThat(open).containsExactly(question);
  }

  @Test
  void aRebuildKeepsWhatTheEventsBeforeItMade() {
    UUID server = UUID.fromString(agent.serverId());
    store.recordCreated(
        new TaskStart(task, UUID.fromString(projectId), "kept", "spec", server, true, 60, "test"),
        new TaskChange(
            task,
            0,
            TaskEventType.CREATED,
            null,
            TaskStatus.PENDING,
            "test",
            null,
            null,
            null,
            false,
            1_000,
            null,
            3));
    store.record(
        new TaskChange(
            task,
            1,
            TaskEventType.ASSIGNED,
            TaskStatus.PENDING,
            TaskStatus.ASSIGNED,
            "test",
            server,
            null,
            null,
            false,
            1_000,
            null,
            3));
    store.record(
        new TaskChange(
            task,
            2,
            TaskEventType.PLAN_MODE,
            TaskStatus.ASSIGNED,
            TaskStatus.PLANNING,
            "nova",
            null,
            null,
            null,
            false,
            1_000,
            null,
            3));
    store.record(
        new TaskChange(
            task,
            3,
            TaskEventType.PLAN_SUBMITTED,
            TaskStatus.PLANNING,
            TaskStatus.PLAN_REVIEW,
            "server:x",
            null,
            "plan v1",
            null,
            false,
            2_000,
            null,
            7));
    store.record(
        new TaskChange(
            task,
            4,
            TaskEventType.PLAN_REVISION_REQUESTED,
            TaskStatus.PLAN_REVIEW,
            TaskStatus.PLANNING,
            "admin",
            null,
            "smaller",
            null,
            false,
            3_000,
            null,
            11));
    store.record(
        new TaskChange(
            task,
            5,
            TaskEventType.PLAN_SUBMITTED,
            TaskStatus.PLANNING,
            TaskStatus.PLAN_REVIEW,
            "server:x",
            null,
            "plan v2",
            null,
            false,
            4_000,
            null,
            15));
    store.record(
        new TaskChange(
            task,
            6,
            TaskEventType.PLAN_APPROVED,
            TaskStatus.PLAN_REVIEW,
            TaskStatus.RUNNING,
            "admin",
            null,
            null,
            null,
            false,
            5_000,
            null,
            19));
    UUID answered = UUID.randomUUID();
    store.record(
        new TaskChange(
            task,
            7,
            TaskEventType.HELP_REQUESTED,
            TaskStatus.RUNNING,
            TaskStatus.NEEDS_HUMAN,
            "server:x",
            null,
            "which db?",
            answered,
            false,
            6_000,
            null,
            23));
    store.record(
        new TaskChange(
            task,
            8,
            TaskEventType.INTERVENTION_ANSWERED,
            TaskStatus.NEEDS_HUMAN,
            TaskStatus.RUNNING,
            "admin",
            null,
            "postgres",
            answered,
            false,
            7_000,
            null,
            27));
    store.record(
        new TaskChange(
            task,
            9,
            TaskEventType.NOTE_ADDED,
            TaskStatus.RUNNING,
            TaskStatus.RUNNING,
            "admin",
            null,
            "mind the index",
            null,
            true,
            8_000,
            null,
            31));
    // never committed: a second question; then the workflow completes the task at seq 10 instead
    store.record(
        new TaskChange(
            task,
            10,
            TaskEventType.HELP_REQUESTED,
            TaskStatus.RUNNING,
            TaskStatus.NEEDS_HUMAN,
            "server:x",
            null,
            "and the cache?",
            UUID.randomUUID(),
            false,
            9_000,
            null,
            35));
    store.record(
        new TaskChange(
            task,
            10,
            TaskEventType.COMPLETED,
            TaskStatus.RUNNING,
            TaskStatus.DONE,
            "server:x",
            null,
            "all done",
            null,
            false,
            12_000,
            null,
            39));

    Map<String, Object> row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT status, version, server_id, plan, plan_feedback, result FROM tasks"
                            + " WHERE id = :id")
                    .bind("id", task)
                    .mapToMap()
                    .one());
    assertThat(row)
        .containsEntry("status", "done")
        .containsEntry("version", 10L)
        .containsEntry("server_id", server)
        .containsEntry("plan", "plan v2")
        .containsEntry("plan_feedback", null)
        .containsEntry("result", "all done");
    Map<String, Object> question =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, status, question, answer, answered_by FROM interventions WHERE"
                            + " task_id = :id")
                    .bind("id", task)
                    .mapToMap()
                    .one());
    assertThat(question)
        .containsEntry("id", answered)
        .containsEntry("status", "answered")
        .containsEntry("question", "which db?")
        .containsEntry("answer", "postgres")
        .containsEntry("answered_by", "admin");
    List<String> notes =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT content FROM task_notes WHERE task_id = :id")
                    .bind("id", task)
                    .mapTo(String.class)
                    .list());
    assertThat(notes).containsExactly("mind the index");
  }

  private static int count(Jdbi jdbi, String table, UUID task) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM " + table + " WHERE task_id = :id")
                .bind("id", task)
                .mapTo(Integer.class)
                .one());
  }
}
