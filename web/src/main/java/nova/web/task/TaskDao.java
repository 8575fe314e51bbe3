package nova.web.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nova.workflows.failures.NotFound;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** Reads of task projections: lists and pages come from here, never from Temporal. */
@RegisterRowMapper(TaskRows.TaskMapper.class)
@RegisterRowMapper(TaskRows.EventMapper.class)
@RegisterRowMapper(TaskRows.InterventionMapper.class)
@RegisterRowMapper(TaskRows.NoteMapper.class)
public interface TaskDao {
  String TASK_SELECT =
      """
      SELECT t.id, t.project_id, p.name AS project_name, t.title, t.spec, t.status, t.server_id,
        s.name AS server_name,
             t.plan, t.plan_feedback, t.result, t.version, t.created_by, t.created_at, t.updated_at\
      """;
  String TASK_FROM =
      "FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN servers s ON s.id ="
          + " t.server_id";
  String TASK_COLUMNS = TASK_SELECT + "\n" + TASK_FROM;

  /**
   * Timestamps travel inside JSON as epoch microseconds, PostgreSQL's own precision, so nothing is
   * lost to formats.
   */
  String DETAIL_LISTS =
      """
      ,
      (SELECT coalesce(json_agg(json_build_object('seq', e.seq, 'type', e.type, 'from',
        e.from_status, 'to', e.to_status,
                'actor', e.actor, 'details', e.details::text, 'at',
                  (extract(epoch FROM e.created_at) * 1000000)::bigint) ORDER BY e.seq), '[]')
         FROM task_events e WHERE e.task_id = t.id) AS events,
      (SELECT coalesce(json_agg(json_build_object('id', i.id, 'question', i.question, 'status',
        i.status, 'asked_by', i.asked_by,
                'answer', i.answer, 'answered_by', i.answered_by, 'at',
                  (extract(epoch FROM i.created_at) * 1000000)::bigint,
                'answered_at',
                  (extract(epoch FROM i.answered_at) * 1000000)::bigint) ORDER BY i.created_at),
                  '[]')
         FROM interventions i WHERE i.task_id = t.id) AS interventions,
      (SELECT coalesce(json_agg(json_build_object('id', n.id, 'author', n.author, 'content',
        n.content, 'urgent', n.urgent,
                'at', (extract(epoch FROM n.created_at) * 1000000)::bigint) ORDER BY n.seq), '[]')
         FROM task_notes n WHERE n.task_id = t.id) AS notes\
      """;

  record Task(
      UUID id,
      UUID projectId,
      String projectName,
      String title,
      String spec,
      String status,
      UUID serverId,
      String serverName,
      String plan,
      String planFeedback,
      String result,
      long version,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  record Event(
      long seq,
      String type,
      String fromStatus,
      String toStatus,
      String actor,
      String details,
      Instant createdAt) {}

  record Intervention(
      UUID id,
      String question,
      String status,
      String askedBy,
      String answer,
      String answeredBy,
      Instant createdAt,
      Instant answeredAt) {}

  record Note(long id, String author, String content, boolean urgent, Instant createdAt) {}

  @SqlQuery(TASK_COLUMNS + " WHERE t.id = :id")
  Optional<Task> task(UUID id);

  /** The task or 404. */
  default Task existing(UUID id) {
    return task(id).orElseThrow(() -> new NotFound("task", id));
  }

  /**
   * The task with its log, interventions and notes, or 404. One statement, so the four parts are
   * one consistent snapshot and a read costs one round trip: this is the read every action answers
   * with.
   */
  default TaskDetail detail(UUID id) {
    return detailOf(id).orElseThrow(() -> new NotFound("task", id));
  }

  @SqlQuery(TASK_SELECT + DETAIL_LISTS + "\n" + TASK_FROM + " WHERE t.id = :id")
  @UseRowMapper(TaskRows.DetailMapper.class)
  Optional<TaskDetail> detailOf(UUID id);

  String NEWEST_FIRST = " ORDER BY t.updated_at DESC, t.id DESC LIMIT :limit";
  String BEFORE = "(t.updated_at, t.id) < (:at, :id)";

  /**
   * A page of tasks, newest change first, optionally of some statuses only (empty: all), after a
   * cursor (null: from the start).
   */
  default List<Task> page(List<String> statuses, TaskCursor after, int limit) {
    if (statuses.isEmpty())
      return after == null ? recent(limit) : recentBefore(after.at(), after.id(), limit);
    return after == null
        ? withStatus(statuses, limit)
        : withStatusBefore(statuses, after.at(), after.id(), limit);
  }

  @SqlQuery(TASK_COLUMNS + NEWEST_FIRST)
  List<Task> recent(int limit);

  @SqlQuery(TASK_COLUMNS + " WHERE " + BEFORE + NEWEST_FIRST)
  List<Task> recentBefore(OffsetDateTime at, UUID id, int limit);

  @SqlQuery(TASK_COLUMNS + " WHERE t.status IN (<statuses>)" + NEWEST_FIRST)
  List<Task> withStatus(@BindList("statuses") List<String> statuses, int limit);

  @SqlQuery(TASK_COLUMNS + " WHERE t.status IN (<statuses>) AND " + BEFORE + NEWEST_FIRST)
  List<Task> withStatusBefore(
      @BindList("statuses") List<String> statuses, OffsetDateTime at, UUID id, int limit);

  /**
   * The newest tasks of each status, up to perStatus each, by index: an old task never drops off
   * for lack of room.
   */
  @SqlQuery(
      TASK_COLUMNS
          + "\n"
          + """
          WHERE t.id IN (SELECT newest.id FROM unnest(ARRAY[<statuses>]) AS st(status)
            CROSS JOIN LATERAL (SELECT id FROM tasks WHERE status = st.status
              ORDER BY updated_at DESC LIMIT :perStatus) newest)
          ORDER BY t.updated_at DESC\
          """)
  List<Task> newestOfEach(@BindList("statuses") List<String> statuses, int perStatus);

  @SqlQuery("SELECT status, count(*) AS total FROM tasks GROUP BY status")
  @KeyColumn("status")
  @ValueColumn("total")
  Map<String, Long> countsByStatus();

  default List<Task> forServer(UUID serverId, TaskCursor after, int limit) {
    return after == null
        ? forServer(serverId, limit)
        : forServerBefore(serverId, after.at(), after.id(), limit);
  }

  @SqlQuery(TASK_COLUMNS + " WHERE t.server_id = :serverId" + NEWEST_FIRST)
  List<Task> forServer(UUID serverId, int limit);

  @SqlQuery(TASK_COLUMNS + " WHERE t.server_id = :serverId AND " + BEFORE + NEWEST_FIRST)
  List<Task> forServerBefore(UUID serverId, OffsetDateTime at, UUID id, int limit);

  @SqlQuery(
      "SELECT seq, type, from_status, to_status, actor, details::text AS details, created_at FROM"
          + " task_events WHERE task_id = :id ORDER BY seq")
  List<Event> events(UUID id);

  @SqlQuery(
      "SELECT id, question, status, asked_by, answer, answered_by, created_at, answered_at FROM"
          + " interventions WHERE task_id = :id ORDER BY created_at")
  List<Intervention> interventions(UUID id);

  @SqlQuery(
      "SELECT id, author, content, urgent, created_at FROM task_notes WHERE task_id = :id ORDER BY"
          + " seq")
  List<Note> notes(UUID id);

  @SqlQuery("SELECT count(*) FROM task_notes WHERE task_id = :id")
  long noteCount(UUID id);

  /**
   * The seq of the event that a request with this Idempotency-Key (as its Update id) made, or null.
   */
  @SqlQuery("SELECT max(seq) FROM task_events WHERE task_id = :id AND request_id = :requestId")
  Long appliedAt(UUID id, String requestId);
}
