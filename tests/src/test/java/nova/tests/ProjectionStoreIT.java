package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskStart;
import org.junit.jupiter.api.Test;

/** A retried event is stored once, in one transaction. */
class ProjectionStoreIT extends ProjectionFixture {
  @Test
  void aRetriedEventIsWrittenOnce() {
    TaskStart start =
        new TaskStart(task, UUID.fromString(projectId), "direct", "spec", null, true, 60, "test");
    TaskChange created = event(0, TaskEventType.CREATED, null, TaskStatus.PENDING).change();
    store.recordCreated(start, created);
    store.recordCreated(start, created);
    UUID intervention = UUID.randomUUID();
    TaskChange help =
        event(1, TaskEventType.HELP_REQUESTED, TaskStatus.RUNNING, TaskStatus.NEEDS_HUMAN)
            .by("server:x")
            .text("why?")
            .about(intervention)
            .at(2_000)
            .change();
    store.record(help);
    store.record(help);
    // a late write of an older workflow task (it started before the one that stored seq 1)
    TaskChange stale =
        event(1, TaskEventType.COMPLETED, TaskStatus.RUNNING, TaskStatus.DONE)
            .by("server:x")
            .text("other")
            .at(1_500)
            .change();
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
}
