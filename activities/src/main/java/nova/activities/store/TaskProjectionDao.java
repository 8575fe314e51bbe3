package nova.activities.store;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

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
      @Bind("id") UUID id,
      @Bind("projectId") UUID projectId,
      @Bind("title") String title,
      @Bind("spec") String spec,
      @Bind("status") String status,
      @Bind("createdBy") String createdBy,
      @Bind("at") Instant at);

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
      @Bind("taskId") UUID taskId,
      @Bind("seq") long seq,
      @Bind("type") String type,
      @Bind("fromStatus") String fromStatus,
      @Bind("toStatus") String toStatus,
      @Bind("actor") String actor,
      @Bind("details") String details,
      @Bind("at") Instant at,
      @Bind("requestId") String requestId,
      @Bind("workflowTask") long workflowTask);

  @SqlUpdate(
      "UPDATE tasks SET status = :status, version = :version, updated_at = :at WHERE id = :id AND"
          + " version < :version")
  void moveTask(
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("version") long version,
      @Bind("at") Instant at);

  @SqlUpdate("UPDATE tasks SET server_id = :serverId WHERE id = :id")
  void assignServer(@Bind("id") UUID id, @Bind("serverId") UUID serverId);

  @SqlUpdate("UPDATE tasks SET plan = :plan, plan_feedback = NULL WHERE id = :id")
  void setPlan(@Bind("id") UUID id, @Bind("plan") String plan);

  @SqlUpdate("UPDATE tasks SET plan_feedback = :feedback WHERE id = :id")
  void setPlanFeedback(@Bind("id") UUID id, @Bind("feedback") String feedback);

  @SqlUpdate("UPDATE tasks SET result = :result WHERE id = :id")
  void setResult(@Bind("id") UUID id, @Bind("result") String result);

  @SqlUpdate(
      """
      INSERT INTO interventions (id, task_id, question, status, asked_by, created_at)
      VALUES (:id, :taskId, :question, 'open', :askedBy, :at)
      ON CONFLICT (id) DO NOTHING\
      """)
  void openIntervention(
      @Bind("id") UUID id,
      @Bind("taskId") UUID taskId,
      @Bind("question") String question,
      @Bind("askedBy") String askedBy,
      @Bind("at") Instant at);

  @SqlUpdate(
      """
      UPDATE interventions SET status = :status, answer = :answer, answered_by = :by,
        answered_at = :at
      WHERE id = :id AND status = 'open'\
      """)
  void closeIntervention(
      @Bind("id") UUID id,
      @Bind("status") String status,
      @Bind("answer") String answer,
      @Bind("by") String by,
      @Bind("at") Instant at);

  @SqlUpdate(
      """
      INSERT INTO task_notes (task_id, seq, author, content, urgent, created_at)
      VALUES (:taskId, :seq, :author, :content, :urgent, :at)
      ON CONFLICT (task_id, seq) DO NOTHING\
      """)
  void insertNote(
      @Bind("taskId") UUID taskId,
      @Bind("seq") long seq,
      @Bind("author") String author,
      @Bind("content") String content,
      @Bind("urgent") boolean urgent,
      @Bind("at") Instant at);
}
