package nova.web.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Row mappers for the task reads every API call and page makes. Written out because JDBI's
 * constructor mapper works out each result set's columns anew, which was a quarter of the cost
 * of reading a task in the lifecycle benchmark.
 */
public final class TaskRows {
  private TaskRows() {}

  public static final class TaskMapper implements RowMapper<TaskQueries.Task> {
    @Override
    public TaskQueries.Task map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskQueries.Task(
          uuid(rs, "id"), uuid(rs, "project_id"), rs.getString("project_name"), rs.getString("title"), rs.getString("spec"),
          rs.getString("status"), uuid(rs, "server_id"), rs.getString("server_name"), rs.getString("plan"),
          rs.getString("plan_feedback"), rs.getString("result"), rs.getLong("version"), rs.getString("created_by"),
          instant(rs, "created_at"), instant(rs, "updated_at"));
    }
  }

  public static final class EventMapper implements RowMapper<TaskQueries.Event> {
    @Override
    public TaskQueries.Event map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskQueries.Event(
          rs.getLong("seq"), rs.getString("type"), rs.getString("from_status"), rs.getString("to_status"),
          rs.getString("actor"), rs.getString("details"), instant(rs, "created_at"));
    }
  }

  public static final class InterventionMapper implements RowMapper<TaskQueries.Intervention> {
    @Override
    public TaskQueries.Intervention map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskQueries.Intervention(
          uuid(rs, "id"), rs.getString("question"), rs.getString("status"), rs.getString("asked_by"), rs.getString("answer"),
          rs.getString("answered_by"), instant(rs, "created_at"), instant(rs, "answered_at"));
    }
  }

  public static final class NoteMapper implements RowMapper<TaskQueries.Note> {
    @Override
    public TaskQueries.Note map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskQueries.Note(
          rs.getLong("id"), rs.getString("author"), rs.getString("content"), rs.getBoolean("urgent"), instant(rs, "created_at"));
    }
  }

  private static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }
}
