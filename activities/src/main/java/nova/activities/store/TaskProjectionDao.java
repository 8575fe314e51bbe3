package nova.activities.store;

import java.time.Instant;
import java.util.UUID;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Writes of a task's projection. Every statement is safe to repeat: retries never write twice. */
interface TaskProjectionDao {
  @SqlUpdate(
      """
      INSERT INTO tasks (id, project_id, title, spec, status, server_id, version, created_by,
        created_at, updated_at)
      VALUES (:id, :projectId, :title, :spec, :status, NULL, 0, :createdBy, :at, :at)
      ON CONFLICT (id) DO NOTHING\
      """)
  void insertTask(
      UUID id,
      UUID projectId,
      String title,
      String spec,
      String status,
      String createdBy,
      Instant at);

  /** A new task's row and its first event, together or not at all. */
  @Transaction
  default void insertCreated(TaskStart start, TaskChange created, String details) {
    Instant at = Instant.ofEpochMilli(created.atEpochMillis());
    insertTask(
        start.taskId(),
        start.projectId(),
        start.title(),
        start.spec(),
        created.to().wireName(),
        start.createdBy(),
        at);
    insertEvent(
        start.taskId(),
        0,
        created.type().wireName(),
        null,
        created.to().wireName(),
        created.actor(),
        details,
        at,
        created.requestId(),
        created.workflowTask());
  }

  /** Returns 1 when the event is new, 0 when a retry already stored it. */
  @SqlUpdate(
      """
      INSERT INTO task_events (task_id, seq, type, from_status, to_status, actor, details,
        created_at, request_id, workflow_task)
      VALUES (:taskId, :seq, :type, :fromStatus, :toStatus, :actor, CAST(:details AS jsonb), :at,
        :requestId, :workflowTask)
      ON CONFLICT (task_id, seq) DO NOTHING\
      """)
  int insertEvent(
      UUID taskId,
      long seq,
      String type,
      String fromStatus,
      String toStatus,
      String actor,
      String details,
      Instant at,
      String requestId,
      long workflowTask);

  @SqlUpdate(
      "UPDATE tasks SET status = :status, version = :version, updated_at = :at WHERE id = :id AND"
          + " version < :version")
  void moveTask(UUID id, String status, long version, Instant at);

  @SqlUpdate("UPDATE tasks SET server_id = :serverId WHERE id = :id")
  void assignServer(UUID id, UUID serverId);

  @SqlUpdate("UPDATE tasks SET plan = :plan, plan_feedback = NULL WHERE id = :id")
  void setPlan(UUID id, String plan);

  @SqlUpdate("UPDATE tasks SET plan_feedback = :feedback WHERE id = :id")
  void setPlanFeedback(UUID id, String feedback);

  @SqlUpdate("UPDATE tasks SET result = :result WHERE id = :id")
  void setResult(UUID id, String result);

  @SqlUpdate(
      """
      INSERT INTO interventions (id, task_id, question, status, asked_by, created_at)
      VALUES (:id, :taskId, :question, 'open', :askedBy, :at)
      ON CONFLICT (id) DO NOTHING\
      """)
  void openIntervention(UUID id, UUID taskId, String question, String askedBy, Instant at);

  @SqlUpdate(
      """
      UPDATE interventions SET status = :status, answer = :answer, answered_by = :by,
        answered_at = :at
      WHERE id = :id AND status = 'open'\
      """)
  void closeIntervention(UUID id, String status, String answer, String by, Instant at);

  @SqlUpdate(
      """
      INSERT INTO task_notes (task_id, seq, author, content, urgent, created_at)
      VALUES (:taskId, :seq, :author, :content, :urgent, :at)
      ON CONFLICT (task_id, seq) DO NOTHING\
      """)
  void insertNote(UUID taskId, long seq, String author, String content, boolean urgent, Instant at);
}
