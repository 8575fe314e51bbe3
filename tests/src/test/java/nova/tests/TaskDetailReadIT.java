package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import nova.activities.store.TaskStoreServices;
import nova.web.errors.RefusalMapper;
import nova.web.platform.Database;
import nova.web.task.TaskDao;
import nova.web.task.TaskDetail;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.Refusal;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.TaskStoreActivities;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The one-statement task read against the real PostgreSQL: it must say exactly what the
 * table-by-table reads say.
 */
class TaskDetailReadIT {
  private static final String AWKWARD = "\"quoted\", back\\slash, ünïcödé ✓, tab\tand\nnewline";

  @Test
  void oneStatementReadsWhatTheTablesHold() {
    Fixtures.Agent agent = Fixtures.agent(true);
    Database database = Fixtures.database();
    try {
      Jdbi jdbi = database.jdbi();
      TaskStoreActivities store = new TaskStoreServices(jdbi, new ObjectMapper()).activities();
      UUID task = UUID.randomUUID();
      UUID asked = UUID.randomUUID();
      UUID dropped = UUID.randomUUID();
      store.recordCreated(
          new TaskStart(
              task,
              UUID.fromString(Fixtures.projectId(agent.projectName())),
              AWKWARD,
              "spec",
              null,
              true,
              60,
              "test"),
          change(
              task,
              0,
              TaskEventType.CREATED,
              null,
              TaskStatus.PENDING,
              null,
              null,
              1_700_000_000_123L));
      store.record(
          change(
              task,
              1,
              TaskEventType.HELP_REQUESTED,
              TaskStatus.PENDING,
              TaskStatus.NEEDS_HUMAN,
              AWKWARD,
              asked,
              1_700_000_001_001L));
      store.record(
          change(
              task,
              2,
              TaskEventType.NOTE_ADDED,
              TaskStatus.NEEDS_HUMAN,
              TaskStatus.NEEDS_HUMAN,
              "first " + AWKWARD,
              null,
              1_700_000_002_002L));
      store.record(
          change(
              task,
              3,
              TaskEventType.INTERVENTION_ANSWERED,
              TaskStatus.NEEDS_HUMAN,
              TaskStatus.RUNNING,
              "an answer",
              asked,
              1_700_000_003_999L));
      store.record(
          change(
              task,
              4,
              TaskEventType.HELP_REQUESTED,
              TaskStatus.RUNNING,
              TaskStatus.NEEDS_HUMAN,
              "again?",
              dropped,
              1_700_000_004_000L));
      store.record(
          change(
              task,
              5,
              TaskEventType.CANCELLED,
              TaskStatus.NEEDS_HUMAN,
              TaskStatus.CANCELLED,
              null,
              dropped,
              1_700_000_005_000L));
      store.record(
          change(
              task,
              6,
              TaskEventType.NOTE_ADDED,
              TaskStatus.CANCELLED,
              TaskStatus.CANCELLED,
              "second",
              null,
              1_700_000_006_000L));
      // A microsecond that millisecond events never have: the read must keep PostgreSQL's full
      // precision.
      jdbi.useHandle(
          h ->
              h.execute(
                  "UPDATE task_events SET created_at = created_at + interval '0.000321 second'"
                      + " WHERE task_id = ? AND seq = 1",
                  task));

      TaskDao tasks = jdbi.onDemand(TaskDao.class);
      TaskDetail detail = tasks.detail(task);

      assertThat(detail.task()).isEqualTo(tasks.task(task).orElseThrow());
      assertThat(detail.events()).isEqualTo(tasks.events(task)).hasSize(7);
      assertThat(detail.interventions()).isEqualTo(tasks.interventions(task)).hasSize(2);
      assertThat(detail.notes()).isEqualTo(tasks.notes(task)).hasSize(2);
      assertThat(detail.events().get(1).createdAt().getNano() % 1_000_000).isEqualTo(321_000);
      assertThat(detail.interventions().get(0).question()).isEqualTo(AWKWARD);
      assertThat(detail.interventions().get(1).answeredAt()).isNotNull();
      assertThat(detail.notes().get(0).content()).isEqualTo("first " + AWKWARD);
    } finally {
      database.stop();
    }
  }

  @Test
  void aTaskWithNoLogReadsAsEmptyListsAndAnUnknownOneIs404() {
    Fixtures.Agent agent = Fixtures.agent(true);
    Database database = Fixtures.database();
    try {
      Jdbi jdbi = database.jdbi();
      UUID task = UUID.randomUUID();
      jdbi.useHandle(
          h ->
              h.execute(
                  """
                  INSERT INTO tasks (id, project_id, title, spec, status, version, created_by, created_at, updated_at)
                  VALUES (?, ?, 'bare', 's', 'pending', 0, 'test', now(), now())\
                  """,
                  task,
                  UUID.fromString(Fixtures.projectId(agent.projectName()))));
      TaskDao tasks = jdbi.onDemand(TaskDao.class);

      TaskDetail detail = tasks.detail(task);
      assertThat(detail.task().title()).isEqualTo("bare");
      assertThat(detail.events()).isEmpty();
      assertThat(detail.interventions()).isEmpty();
      assertThat(detail.notes()).isEmpty();

      UUID unknown = UUID.randomUUID();
      assertThatThrownBy(() -> tasks.detail(unknown))
          .isInstanceOf(NotFound.class)
          .satisfies(e -> assertThat(RefusalMapper.statusOf((Refusal) e)).isEqualTo(404))
          .hasMessageContaining(unknown.toString());
    } finally {
      database.stop();
    }
  }

  private static TaskChange change(
      UUID task,
      long seq,
      TaskEventType type,
      TaskStatus from,
      TaskStatus to,
      String text,
      UUID intervention,
      long at) {
    return new TaskChange(
        task, seq, type, from, to, "server:x", null, text, intervention, false, at);
  }
}
