package nova.activities.llm.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nova.workflows.llm.messages.LlmPrompt;
import nova.workflows.llm.messages.LlmReply;
import org.jdbi.v3.core.Jdbi;

/** The llm_calls rows: one per workflow model call, however many attempts it took. */
final class LlmCallDao {
  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
  private static final int MAX_LISTED = 500;
  private static final String READ_COLUMNS =
      """
      id, workflow_id, agent_id, requested::text AS requested, prompt::text AS prompt, status,
        attempts, output_id, model, finish_reason,
      input_tokens, output_tokens, fell_back::text AS fell_back, error, started_at, finished_at\
      """;
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final LlmTextDao texts;

  LlmCallDao(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
    this.texts = new LlmTextDao(jdbi);
  }

  Optional<LlmReply> finished(UUID callId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, output_id, model, finish_reason, input_tokens, output_tokens,
                      fell_back::text AS fell_back
                    FROM llm_calls WHERE id = :id AND status = 'done'\
                    """)
                .bind("id", callId)
                .map(
                    (rs, ctx) ->
                        new LlmReply(
                            callId,
                            rs.getObject("output_id", UUID.class),
                            rs.getString("model"),
                            rs.getString("finish_reason"),
                            rs.getLong("input_tokens"),
                            rs.getLong("output_tokens"),
                            read(rs.getString("fell_back"))))
                .findOne());
  }

  /** Opens the call's row, or counts one more attempt on it. */
  void begin(LlmPrompt prompt, List<String> models, String workflowId) {
    List<Map<String, Object>> messages =
        prompt.messages().stream()
            .map(m -> Map.<String, Object>of("role", m.role(), "text_id", m.textId()))
            .toList();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO llm_calls (id, workflow_id, agent_id, requested, prompt, status)
                    VALUES (:id, :workflow, :agent, CAST(:requested AS jsonb),
                      CAST(:prompt AS jsonb), 'running')
                    ON CONFLICT (id) DO UPDATE SET attempts = llm_calls.attempts + 1,
                      status = 'running', error = NULL, finished_at = NULL\
                    """)
                .bind("id", prompt.callId())
                .bind("workflow", workflowId)
                .bind("agent", prompt.agentId())
                .bind("requested", write(models))
                .bind("prompt", write(messages))
                .execute());
  }

  /**
   * Stores the answer's text and the call's outcome together, so a done call always has its text.
   */
  LlmReply finish(
      UUID callId,
      String text,
      String model,
      String finishReason,
      long inputTokens,
      long outputTokens,
      List<String> fellBack) {
    return jdbi.inTransaction(
        h -> {
          UUID output = LlmTextDao.save(h, text);
          h.createUpdate(
                  """
                  UPDATE llm_calls SET status = 'done', output_id = :output, model = :model,
                    finish_reason = :finish, input_tokens = :in,
                    output_tokens = :out, fell_back = CAST(:fellBack AS jsonb), error = NULL,
                      finished_at = now()
                  WHERE id = :id\
                  """)
              .bind("output", output)
              .bind("model", model)
              .bind("finish", finishReason)
              .bind("in", inputTokens)
              .bind("out", outputTokens)
              .bind("fellBack", write(fellBack))
              .bind("id", callId)
              .execute();
          return new LlmReply(
              callId, output, model, finishReason, inputTokens, outputTokens, fellBack);
        });
  }

  void fail(UUID callId, String error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE llm_calls SET status = 'failed', error = :error, finished_at = now()"
                        + " WHERE id = :id AND status = 'running'")
                .bind("error", error)
                .bind("id", callId)
                .execute());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("names and ids always serialise", e);
    }
  }

  private List<String> read(String names) {
    try {
      return json.readValue(names, NAMES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("llm_calls.fell_back is written as a JSON array of names", e);
    }
  }

  List<ObjectNode> ofWorkflow(String workflowId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + READ_COLUMNS
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
                h.createQuery("SELECT " + READ_COLUMNS + " FROM llm_calls WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> row(rs))
                    .findOne());
    call.ifPresent(
        c -> {
          List<UUID> ids = new ArrayList<>();
          c.withArray("prompt").forEach(m -> ids.add(UUID.fromString(m.path("text_id").asText())));
          if (c.hasNonNull("output_id")) ids.add(UUID.fromString(c.get("output_id").asText()));
          var bodies = texts.bodies(ids);
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
    row.set("requested", tree(rs.getString("requested")));
    row.set("prompt", (ArrayNode) tree(rs.getString("prompt")));
    row.put("status", rs.getString("status"))
        .put("attempts", rs.getInt("attempts"))
        .put("output_id", rs.getString("output_id"))
        .put("model", rs.getString("model"))
        .put("finish_reason", rs.getString("finish_reason"))
        .put("input_tokens", rs.getLong("input_tokens"))
        .put("output_tokens", rs.getLong("output_tokens"));
    row.set("fell_back", tree(rs.getString("fell_back")));
    row.put("error", rs.getString("error"))
        .put("started_at", String.valueOf(rs.getTimestamp("started_at").toInstant()));
    row.put(
        "finished_at",
        rs.getTimestamp("finished_at") == null
            ? null
            : rs.getTimestamp("finished_at").toInstant().toString());
    return row;
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("llm_calls' JSONB columns hold JSON", e);
    }
  }
}
