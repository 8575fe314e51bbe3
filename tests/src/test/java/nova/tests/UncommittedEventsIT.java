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

/**
 * Events of a workflow task that Temporal never committed give way to what the workflow wrote
 * after.
 */
class UncommittedEventsIT extends ProjectionFixture {
  @Test
  void eventsOfAWorkflowTaskTemporalNeverCommittedGiveWayToTheWorkflowsLaterOnes() {
    UUID server = UUID.fromString(agent.serverId());
    store.recordCreated(
        new TaskStart(task, UUID.fromString(projectId), "ghost", "spec", server, false, 60, "test"),
        event(0, TaskEventType.CREATED, null, TaskStatus.PENDING).change());
    store.record(
        event(1, TaskEventType.ASSIGNED, TaskStatus.PENDING, TaskStatus.ASSIGNED)
            .server(server)
            .change());
    store.record(
        event(2, TaskEventType.STARTED, TaskStatus.ASSIGNED, TaskStatus.RUNNING)
            .by("server:x")
            .text("go")
            .at(2_000)
            .change());
    // A workflow task asked for help and noted it, stored both, and died with Temporal uncommitted.
    UUID ghostQuestion = UUID.randomUUID();
    store.record(
        event(3, TaskEventType.HELP_REQUESTED, TaskStatus.RUNNING, TaskStatus.NEEDS_HUMAN)
            .by("server:x")
            .text("which db?")
            .about(ghostQuestion)
            .at(3_000)
            .request("idem|server:x|request_help|k1", 11)
            .change());
    store.record(
        event(4, TaskEventType.NOTE_ADDED, TaskStatus.NEEDS_HUMAN, TaskStatus.NEEDS_HUMAN)
            .by("server:x")
            .text("waiting")
            .urgent()
            .at(3_000)
            .workflowTask(11)
            .change());
    // After Temporal's restart the workflow, still running, takes the agent's submit as seq 3.
    TaskChange submit =
        event(3, TaskEventType.SUBMITTED_FOR_REVIEW, TaskStatus.RUNNING, TaskStatus.REVIEW)
            .by("server:x")
            .text("the work")
            .at(9_000)
            .workflowTask(14)
            .change();
    store.record(submit);
    store.record(submit);
    // the same workflow task run again later (its worker died): the same event, nothing changes
    store.record(
        event(3, TaskEventType.SUBMITTED_FOR_REVIEW, TaskStatus.RUNNING, TaskStatus.REVIEW)
            .by("server:x")
            .text("the work")
            .at(9_500)
            .workflowTask(18)
            .change());
    // a stalled worker's late write from the workflow task Temporal gave away, its clock past the
    // other's
    store.record(
        event(3, TaskEventType.COMPLETED, TaskStatus.RUNNING, TaskStatus.DONE)
            .by("server:x")
            .text("stale")
            .at(20_000)
            .workflowTask(11)
            .change());

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
        event(4, TaskEventType.HELP_REQUESTED, TaskStatus.REVIEW, TaskStatus.NEEDS_HUMAN)
            .by("server:x")
            .text("which db?")
            .about(question)
            .at(10_000)
            .workflowTask(22)
            .change());
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
}
