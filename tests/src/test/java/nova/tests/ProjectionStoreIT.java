package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import nova.activities.store.TaskStoreActivitiesImpl;
import nova.web.platform.Database;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The projection activity against the real PostgreSQL: a retried event is stored once, in one transaction. */
class ProjectionStoreIT {
  @Test
  void aRetriedEventIsWrittenOnce() {
    Fixtures.Agent agent = Fixtures.agent(true);
    String projectId = Fixtures.projectId(agent.projectName());
    Database database = Fixtures.database();
    try {
      Jdbi jdbi = database.jdbi();
      TaskStoreActivitiesImpl store = new TaskStoreActivitiesImpl(jdbi, new ObjectMapper());
      UUID task = UUID.randomUUID();
      TaskStart start = new TaskStart(task, UUID.fromString(projectId), "direct", "spec", null, true, 60, "test");
      TaskChange created = new TaskChange(task, 0, "created", null, TaskStatus.PENDING, "test", null, null, null, false, 1_000);
      store.recordCreated(start, created);
      store.recordCreated(start, created);
      UUID intervention = UUID.randomUUID();
      TaskChange help = new TaskChange(task, 1, "help_requested", TaskStatus.RUNNING, TaskStatus.NEEDS_HUMAN, "server:x", null, "why?", intervention, false, 2_000);
      store.record(help);
      store.record(help);
      TaskChange stale = new TaskChange(task, 1, "completed", TaskStatus.RUNNING, TaskStatus.DONE, "server:x", null, "other", null, false, 3_000);
      store.record(stale);

      Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT status, version FROM tasks WHERE id = :id").bind("id", task).mapToMap().one());
      assertThat(row).containsEntry("status", "needs_human").containsEntry("version", 1L);
      assertThat(count(jdbi, "task_events", task)).isEqualTo(2);
      assertThat(count(jdbi, "interventions", task)).isEqualTo(1);
    } finally {
      database.stop();
    }
  }

  private static int count(Jdbi jdbi, String table, UUID task) {
    return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " WHERE task_id = :id").bind("id", task).mapTo(Integer.class).one());
  }
}
