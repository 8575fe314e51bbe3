package nova.activities.llm.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * An agent's model chain (its model, then its fallbacks) and system prompt, as a model call needs
 * them.
 */
record AgentChain(List<String> models, String systemPrompt) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> MODELS = new TypeReference<>() {};

  static Optional<AgentChain> of(Jdbi jdbi, UUID agentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT model, fallback_models::text AS fallbacks, system_prompt FROM agents"
                        + " WHERE id = :id")
                .bind("id", agentId)
                .map(
                    (rs, ctx) -> {
                      List<String> models = new ArrayList<>(List.of(rs.getString("model")));
                      models.addAll(read(rs.getString("fallbacks")));
                      return new AgentChain(List.copyOf(models), rs.getString("system_prompt"));
                    })
                .findOne());
  }

  private static List<String> read(String fallbacks) {
    try {
      return JSON.readValue(fallbacks, MODELS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "agents.fallback_models is a JSON array of names by its CHECK", e);
    }
  }
}
