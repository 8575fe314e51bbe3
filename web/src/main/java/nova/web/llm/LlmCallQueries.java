package nova.web.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nova.activities.llm.gateway.LlmServices;
import org.jdbi.v3.core.Jdbi;

/**
 * Workflows' model calls for audit: the calls of a workflow, and one call with its prompt and
 * answer texts.
 */
final class LlmCallQueries {
  static final int MAX_LISTED = 500;
  private static final String COLUMNS =
      """
      id, workflow_id, agent_id, requested::text AS requested, prompt::text AS prompt, status,
        attempts, output_id, model, finish_reason,
      input_tokens, output_tokens, fell_back::text AS fell_back, error, started_at, finished_at\
      """;
  private final Jdbi jdbi;
  private final LlmServices texts;
  private final ObjectMapper json;

  LlmCallQueries(Jdbi jdbi, ObjectMapper json, LlmServices texts) {
    this.jdbi = jdbi;
    this.texts = texts;
    this.json = json;
  }

  List<ObjectNode> ofWorkflow(String workflowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM llm_calls WHERE workflow_id = :workflow ORDER BY started_at LIMIT "
                        + MAX_LISTED)
                .bind("workflow", workflowId)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** The call with each prompt message's text and the answer's text filled in. */
  Optional<ObjectNode> withTexts(UUID id) {
    Optional<ObjectNode> call =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM llm_calls WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> row(rs))
                    .findOne());
    call.ifPresent(
        c -> {
          List<UUID> ids = new ArrayList<>();
          c.withArray("prompt").forEach(m -> ids.add(UUID.fromString(m.path("text_id").asText())));
          if (c.hasNonNull("output_id")) ids.add(UUID.fromString(c.get("output_id").asText()));
          var bodies = texts.texts(ids);
          c.withArray("prompt")
              .forEach(
                  m ->
                      ((ObjectNode) m)
                          .put("text", bodies.get(UUID.fromString(m.path("text_id").asText()))));
          if (c.hasNonNull("output_id"))
            c.put("output", bodies.get(UUID.fromString(c.get("output_id").asText())));
        });
    return call;
  }

  private ObjectNode row(ResultSet rs) throws SQLException {
    ObjectNode row = json.createObjectNode();
    row.put("id", rs.getString("id"))
        .put("workflow_id", rs.getString("workflow_id"))
        .put("agent_id", rs.getString("agent_id"));
    row.set("requested", parse(rs.getString("requested")));
    row.set("prompt", (ArrayNode) parse(rs.getString("prompt")));
    row.put("status", rs.getString("status"))
        .put("attempts", rs.getInt("attempts"))
        .put("output_id", rs.getString("output_id"))
        .put("model", rs.getString("model"))
        .put("finish_reason", rs.getString("finish_reason"))
        .put("input_tokens", rs.getLong("input_tokens"))
        .put("output_tokens", rs.getLong("output_tokens"));
    row.set("fell_back", parse(rs.getString("fell_back")));
    row.put("error", rs.getString("error"))
        .put("started_at", String.valueOf(rs.getTimestamp("started_at").toInstant()));
    row.put(
        "finished_at",
        rs.getTimestamp("finished_at") == null
            ? null
            : rs.getTimestamp("finished_at").toInstant().toString());
    return row;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("llm_calls' JSONB columns hold JSON", e);
    }
  }
}
