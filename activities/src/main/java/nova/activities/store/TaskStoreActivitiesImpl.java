package nova.activities.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import nova.workflows.task.TaskStoreActivities;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.core.Jdbi;

/** Writes each task event and what it changes in one transaction, once per (task, seq). */
class TaskStoreActivitiesImpl implements TaskStoreActivities {
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final ProjectionBacklog backlog;

  TaskStoreActivitiesImpl(Jdbi jdbi, ObjectMapper json, ProjectionBacklog backlog) {
    this.jdbi = jdbi;
    this.json = json;
    this.backlog = backlog;
  }

  @Override
  public void recordCreated(TaskStart start, TaskChange created) {
    tracked(created, () -> store(start, created));
  }

  @Override
  public void record(TaskChange change) {
    tracked(change, () -> store(change));
  }

  /**
   * The workflow retries a failed store; the backlog makes each failure seen until one succeeds.
   */
  private void tracked(TaskChange change, Runnable store) {
    try {
      store.run();
      backlog.stored(change.taskId());
    } catch (RuntimeException e) {
      backlog.failed(change.taskId(), change.seq(), e);
      throw e;
    }
  }

  private void store(TaskStart start, TaskChange created) {
    jdbi.useExtension(
        TaskProjectionDao.class, dao -> dao.insertCreated(start, created, details(created)));
  }

  private void store(TaskChange change) {
    jdbi.useTransaction(
        handle -> {
          TaskProjectionDao dao = handle.attach(TaskProjectionDao.class);
          Instant at = Instant.ofEpochMilli(change.atEpochMillis());
          String from = change.from() == null ? null : change.from().wireName();
          String details = details(change);
          if (dao.insertEvent(
                  change.taskId(),
                  change.seq(),
                  change.type().wireName(),
                  from,
                  change.to().wireName(),
                  change.actor(),
                  details,
                  at,
                  change.requestId(),
                  change.workflowTask())
              == 0) {
            UncommittedEvents uncommitted = new UncommittedEvents(handle, json);
            if (!uncommitted.supersededBy(change, details))
              return; // a retry, or a late write of an older workflow task
            uncommitted.dropFrom(change.taskId(), change.seq());
            dao.insertEvent(
                change.taskId(),
                change.seq(),
                change.type().wireName(),
                from,
                change.to().wireName(),
                change.actor(),
                details,
                at,
                change.requestId(),
                change.workflowTask());
          }
          dao.moveTask(change.taskId(), change.to().wireName(), change.seq(), at);
          new ProjectionEffects(dao).apply(change, at);
        });
  }

  private String details(TaskChange change) {
    Map<String, Object> details = new LinkedHashMap<>();
    if (change.text() != null) details.put("text", change.text());
    if (change.serverId() != null) details.put("server_id", change.serverId());
    if (change.interventionId() != null) details.put("intervention_id", change.interventionId());
    if (change.urgent()) details.put("urgent", true);
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("task event details are plain strings and ids", e);
    }
  }
}
