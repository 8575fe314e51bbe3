package nova.web.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of task projections: lists and pages come from here, never from Temporal. */
@RegisterRowMapper(TaskRows.TaskMapper.class)
@RegisterRowMapper(TaskRows.EventMapper.class)
@RegisterRowMapper(TaskRows.InterventionMapper.class)
@RegisterRowMapper(TaskRows.NoteMapper.class)
public interface TaskQueries {
  String TASK_COLUMNS = """
      SELECT t.id, t.project_id, p.name AS project_name, t.title, t.spec, t.status, t.server_id, s.name AS server_name,
             t.plan, t.plan_feedback, t.result, t.version, t.created_by, t.created_at, t.updated_at
      FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN servers s ON s.id = t.server_id""";

  record Task(
      UUID id, UUID projectId, String projectName, String title, String spec, String status, UUID serverId, String serverName,
      String plan, String planFeedback, String result, long version, String createdBy, Instant createdAt, Instant updatedAt) {}

  record Event(long seq, String type, String fromStatus, String toStatus, String actor, String details, Instant createdAt) {}

  record Intervention(UUID id, String question, String status, String askedBy, String answer, String answeredBy, Instant createdAt, Instant answeredAt) {}

  record Note(long id, String author, String content, boolean urgent, Instant createdAt) {}

  @SqlQuery(TASK_COLUMNS + " WHERE t.id = :id")
  Optional<Task> task(@Bind("id") UUID id);

  /** The task or 404. */
  default Task existing(UUID id) {
    return task(id).orElseThrow(() -> nova.web.errors.ApiException.notFound("task", id));
  }

  /** The task with its log, interventions and notes, read on one connection. */
  default TaskDetail detail(UUID id) {
    return new TaskDetail(existing(id), events(id), interventions(id), notes(id));
  }

  @SqlQuery(TASK_COLUMNS + " ORDER BY t.updated_at DESC LIMIT :limit")
  List<Task> recent(@Bind("limit") int limit);

  @SqlQuery(TASK_COLUMNS + " WHERE t.status IN (<statuses>) ORDER BY t.updated_at DESC LIMIT :limit")
  List<Task> withStatus(@BindList("statuses") List<String> statuses, @Bind("limit") int limit);

  /** The newest tasks of each status, up to perStatus each, by index: an old task never drops off for lack of room. */
  @SqlQuery(TASK_COLUMNS + "\n" + """
       WHERE t.id IN (SELECT newest.id FROM unnest(ARRAY[<statuses>]) AS st(status)
         CROSS JOIN LATERAL (SELECT id FROM tasks WHERE status = st.status ORDER BY updated_at DESC LIMIT :perStatus) newest)
       ORDER BY t.updated_at DESC""")
  List<Task> newestOfEach(@BindList("statuses") List<String> statuses, @Bind("perStatus") int perStatus);

  @SqlQuery("SELECT status, count(*) AS total FROM tasks GROUP BY status")
  @KeyColumn("status")
  @ValueColumn("total")
  Map<String, Long> countsByStatus();

  @SqlQuery(TASK_COLUMNS + " WHERE t.server_id = :serverId ORDER BY t.updated_at DESC LIMIT :limit")
  List<Task> forServer(@Bind("serverId") UUID serverId, @Bind("limit") int limit);

  @SqlQuery("SELECT seq, type, from_status, to_status, actor, details::text AS details, created_at FROM task_events WHERE task_id = :id ORDER BY seq")
  List<Event> events(@Bind("id") UUID id);

  @SqlQuery("SELECT id, question, status, asked_by, answer, answered_by, created_at, answered_at FROM interventions WHERE task_id = :id ORDER BY created_at")
  List<Intervention> interventions(@Bind("id") UUID id);

  @SqlQuery("SELECT id, author, content, urgent, created_at FROM task_notes WHERE task_id = :id ORDER BY seq")
  List<Note> notes(@Bind("id") UUID id);
}
