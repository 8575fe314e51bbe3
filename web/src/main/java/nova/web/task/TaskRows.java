package nova.web.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nova.web.platform.JsonColumns;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Row mappers for the task reads every API call and page makes. Written out because JDBI's
 * constructor mapper works out each result set's columns anew, which was a quarter of the cost of
 * reading a task in the lifecycle benchmark.
 */
public final class TaskRows {

  private TaskRows() {}

  public static final class TaskMapper implements RowMapper<TaskDao.Task> {
    @Override
    public TaskDao.Task map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskDao.Task(
          uuid(rs, "id"),
          uuid(rs, "project_id"),
          rs.getString("project_name"),
          rs.getString("title"),
          rs.getString("spec"),
          rs.getString("status"),
          uuid(rs, "server_id"),
          rs.getString("server_name"),
          rs.getString("plan"),
          rs.getString("plan_feedback"),
          rs.getString("result"),
          rs.getLong("version"),
          rs.getString("created_by"),
          instant(rs, "created_at"),
          instant(rs, "updated_at"));
    }
  }

  public static final class EventMapper implements RowMapper<TaskDao.Event> {
    @Override
    public TaskDao.Event map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskDao.Event(
          rs.getLong("seq"),
          rs.getString("type"),
          rs.getString("from_status"),
          rs.getString("to_status"),
          rs.getString("actor"),
          rs.getString("details"),
          instant(rs, "created_at"));
    }
  }

  public static final class InterventionMapper implements RowMapper<TaskDao.Intervention> {
    @Override
    public TaskDao.Intervention map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskDao.Intervention(
          uuid(rs, "id"),
          rs.getString("question"),
          rs.getString("status"),
          rs.getString("asked_by"),
          rs.getString("answer"),
          rs.getString("answered_by"),
          instant(rs, "created_at"),
          instant(rs, "answered_at"));
    }
  }

  public static final class NoteMapper implements RowMapper<TaskDao.Note> {
    @Override
    public TaskDao.Note map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TaskDao.Note(
          rs.getLong("id"),
          rs.getString("author"),
          rs.getString("content"),
          rs.getBoolean("urgent"),
          instant(rs, "created_at"));
    }
  }

  /**
   * A task row with its events, interventions and notes as JSON arrays (see TaskDao.DETAIL_LISTS).
   */
  public static final class DetailMapper implements RowMapper<TaskDetail> {
    private final TaskMapper task = new TaskMapper();

    @Override
    public TaskDetail map(ResultSet rs, StatementContext ctx) throws SQLException {
      List<TaskDao.Event> events = new ArrayList<>();
      for (JsonNode e : array(rs, ctx, "events")) {
        events.add(
            new TaskDao.Event(
                e.path("seq").asLong(),
                text(e, "type"),
                text(e, "from"),
                text(e, "to"),
                text(e, "actor"),
                text(e, "details"),
                micros(e, "at")));
      }
      List<TaskDao.Intervention> interventions = new ArrayList<>();
      for (JsonNode i : array(rs, ctx, "interventions")) {
        interventions.add(
            new TaskDao.Intervention(
                UUID.fromString(i.path("id").asText()),
                text(i, "question"),
                text(i, "status"),
                text(i, "asked_by"),
                text(i, "answer"),
                text(i, "answered_by"),
                micros(i, "at"),
                micros(i, "answered_at")));
      }
      List<TaskDao.Note> notes = new ArrayList<>();
      for (JsonNode n : array(rs, ctx, "notes")) {
        notes.add(
            new TaskDao.Note(
                n.path("id").asLong(),
                text(n, "author"),
                text(n, "content"),
                n.path("urgent").asBoolean(),
                micros(n, "at")));
      }
      return new TaskDetail(
          task.map(rs, ctx), List.copyOf(events), List.copyOf(interventions), List.copyOf(notes));
    }

    private static JsonNode array(ResultSet rs, StatementContext ctx, String column)
        throws SQLException {
      try {
        return ctx.getConfig(JsonColumns.class).mapper().readTree(rs.getString(column));
      } catch (JsonProcessingException e) {
        throw new SQLException(
            "column " + column + " is not the JSON array TaskDao.DETAIL_LISTS builds", e);
      }
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant micros(JsonNode node, String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) return null;
      long micros = value.asLong();
      return Instant.ofEpochSecond(
          Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
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
