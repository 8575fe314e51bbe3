package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import nova.workflows.task.messages.TaskStart;
import org.junit.jupiter.api.Test;

/** A rebuild after an uncommitted event keeps what the events before it made. */
class ProjectionRebuildIT extends ProjectionFixture {
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
}
