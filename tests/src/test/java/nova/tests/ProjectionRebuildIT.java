package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.workflows.task.TaskStatus;
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
        event(0, TaskEventType.CREATED, null, TaskStatus.PENDING).workflowTask(3).change());
    store.record(
        event(1, TaskEventType.ASSIGNED, TaskStatus.PENDING, TaskStatus.ASSIGNED)
            .server(server)
            .workflowTask(3)
            .change());
    store.record(
        event(2, TaskEventType.PLAN_MODE, TaskStatus.ASSIGNED, TaskStatus.PLANNING)
            .by("nova")
            .workflowTask(3)
            .change());
    store.record(
        event(3, TaskEventType.PLAN_SUBMITTED, TaskStatus.PLANNING, TaskStatus.PLAN_REVIEW)
            .by("server:x")
            .text("plan v1")
            .at(2_000)
            .workflowTask(7)
            .change());
    store.record(
        event(4, TaskEventType.PLAN_REVISION_REQUESTED, TaskStatus.PLAN_REVIEW, TaskStatus.PLANNING)
            .by("admin")
            .text("smaller")
            .at(3_000)
            .workflowTask(11)
            .change());
    store.record(
        event(5, TaskEventType.PLAN_SUBMITTED, TaskStatus.PLANNING, TaskStatus.PLAN_REVIEW)
            .by("server:x")
            .text("plan v2")
            .at(4_000)
            .workflowTask(15)
            .change());
    store.record(
        event(6, TaskEventType.PLAN_APPROVED, TaskStatus.PLAN_REVIEW, TaskStatus.RUNNING)
            .by("admin")
            .at(5_000)
            .workflowTask(19)
            .change());
    UUID answered = UUID.randomUUID();
    store.record(
        event(7, TaskEventType.HELP_REQUESTED, TaskStatus.RUNNING, TaskStatus.NEEDS_HUMAN)
            .by("server:x")
            .text("which db?")
            .about(answered)
            .at(6_000)
            .workflowTask(23)
            .change());
    store.record(
        event(8, TaskEventType.INTERVENTION_ANSWERED, TaskStatus.NEEDS_HUMAN, TaskStatus.RUNNING)
            .by("admin")
            .text("postgres")
            .about(answered)
            .at(7_000)
            .workflowTask(27)
            .change());
    store.record(
        event(9, TaskEventType.NOTE_ADDED, TaskStatus.RUNNING, TaskStatus.RUNNING)
            .by("admin")
            .text("mind the index")
            .urgent()
            .at(8_000)
            .workflowTask(31)
            .change());
    // never committed: a second question; then the workflow completes the task at seq 10 instead
    store.record(
        event(10, TaskEventType.HELP_REQUESTED, TaskStatus.RUNNING, TaskStatus.NEEDS_HUMAN)
            .by("server:x")
            .text("and the cache?")
            .about(UUID.randomUUID())
            .at(9_000)
            .workflowTask(35)
            .change());
    store.record(
        event(10, TaskEventType.COMPLETED, TaskStatus.RUNNING, TaskStatus.DONE)
            .by("server:x")
            .text("all done")
            .at(12_000)
            .workflowTask(39)
            .change());

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
