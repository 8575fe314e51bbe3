package nova.activities.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events stored by a workflow task that Temporal never committed. A task's events are written by
 * local activities inside the workflow task that makes them, before Temporal persists it: when
 * Temporal dies in between, the event stays in PostgreSQL while the workflow, after Temporal's
 * restart, goes on from its last committed state and later writes another event at that seq. The
 * workflow's history is the truth, so the later workflow task's write wins and the task's
 * projection is rebuilt from its events up to there. Later means a longer history when it ran
 * (every workflow task Temporal gives out, a retry too, sees more events), then, for an Update's
 * workflow task that Temporal lost without a trace and gave out again at the same length, a later
 * time. Only different content is replaced: a workflow task run again makes the same event (its ids
 * come from Workflow.randomUUID, its text from the request), and a late write of an older workflow
 * task never replaces anything.
 */
final class UncommittedEvents {
  private static final Logger LOG = LoggerFactory.getLogger(UncommittedEvents.class);
  private final Handle handle;
  private final ObjectMapper json;

  UncommittedEvents(Handle handle, ObjectMapper json) {
    this.handle = handle;
    this.json = json;
  }

  /** The event stored at the change's seq, when the change shows it was never committed. */
  boolean supersededBy(TaskChange change, String details) {
    return handle
            .createQuery(
                """
                SELECT count(*) FROM task_events
                WHERE task_id = :task AND seq = :seq AND (workflow_task,
                  created_at) < (:workflowTask, :at)
                  AND (type, coalesce(from_status, ''), to_status, actor, coalesce(request_id, ''),
                    details)
                      IS DISTINCT FROM (:type, coalesce(:from, ''), :to, :actor,
                        coalesce(:requestId, ''), CAST(:details AS jsonb))\
                """)
            .bind("task", change.taskId())
            .bind("seq", change.seq())
            .bind("at", Instant.ofEpochMilli(change.atEpochMillis()))
            .bind("workflowTask", change.workflowTask())
            .bind("type", change.type().wireName())
            .bind("from", change.from() == null ? null : change.from().wireName())
            .bind("to", change.to().wireName())
            .bind("actor", change.actor())
            .bind("requestId", change.requestId())
            .bind("details", details)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /**
   * Drops the events from {@code seq} on and rebuilds the task's row, interventions and notes from
   * the ones before.
   */
  void dropFrom(UUID task, long seq) {
    handle
        .createQuery("SELECT id FROM tasks WHERE id = :task FOR UPDATE")
        .bind("task", task)
        .mapTo(UUID.class)
        .one();
    int dropped =
        handle
            .createUpdate("DELETE FROM task_events WHERE task_id = :task AND seq >= :seq")
            .bind("task", task)
            .bind("seq", seq)
            .execute();
    LOG.warn(
        "task {}: {} event(s) from seq {} came from a workflow task Temporal never committed;"
            + " replaced by the workflow's own",
        task,
        dropped,
        seq);
    handle
        .createUpdate("DELETE FROM task_notes WHERE task_id = :task AND seq >= :seq")
        .bind("task", task)
        .bind("seq", seq)
        .execute();
    handle
        .createUpdate("DELETE FROM interventions WHERE task_id = :task")
        .bind("task", task)
        .execute();
    List<TaskChange> kept =
        handle
            .createQuery(
                """
                SELECT seq, type, from_status, to_status, actor, details::text AS details,
                  created_at, request_id
                FROM task_events WHERE task_id = :task ORDER BY seq\
                """)
            .bind("task", task)
            .map(
                (rs, ctx) ->
                    change(
                        task,
                        rs.getLong("seq"),
                        rs.getString("type"),
                        rs.getString("from_status"),
                        rs.getString("to_status"),
                        rs.getString("actor"),
                        rs.getString("details"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("request_id")))
            .list();
    TaskChange last = kept.getLast();
    handle
        .createUpdate(
            "UPDATE tasks SET status = :status, version = :seq, server_id = NULL, plan = NULL,"
                + " plan_feedback = NULL, result = NULL WHERE id = :task")
        .bind("status", last.to().wireName())
        .bind("seq", last.seq())
        .bind("task", task)
        .execute();
    ProjectionEffects effects = new ProjectionEffects(handle.attach(TaskProjectionDao.class));
    for (TaskChange change : kept)
      effects.apply(change, Instant.ofEpochMilli(change.atEpochMillis()));
  }

  private TaskChange change(
      UUID task,
      long seq,
      String type,
      String from,
      String to,
      String actor,
      String details,
      Instant at,
      String requestId) {
    JsonNode d = read(details);
    return new TaskChange(
        task,
        seq,
        TaskEventType.fromWire(type),
        from == null ? null : TaskStatus.fromWire(from),
        TaskStatus.fromWire(to),
        actor,
        uuid(d.path("server_id")),
        d.path("text").isMissingNode() ? null : d.path("text").asText(),
        uuid(d.path("intervention_id")),
        d.path("urgent").asBoolean(false),
        at.toEpochMilli(),
        requestId);
  }

  private JsonNode read(String details) {
    try {
      return json.readTree(details == null ? "{}" : details);
    } catch (IOException e) {
      throw new IllegalStateException("a task event's details are JSON", e);
    }
  }

  private static UUID uuid(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? null : UUID.fromString(value.asText());
  }
}
