package nova.activities.llm.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nova.workflows.llm.messages.LlmPrompt;
import nova.workflows.llm.messages.LlmReply;
import org.jdbi.v3.core.Jdbi;

/** The llm_calls rows: one per workflow model call, however many attempts it took. */
final class LlmCallStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
  private final Jdbi jdbi;

  LlmCallStore(Jdbi jdbi) {
    this.jdbi = jdbi;
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
          UUID output = LlmTexts.save(h, text);
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

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("names and ids always serialise", e);
    }
  }

  private static List<String> read(String names) {
    try {
      return JSON.readValue(names, NAMES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("llm_calls.fell_back is written as a JSON array of names", e);
    }
  }
}
