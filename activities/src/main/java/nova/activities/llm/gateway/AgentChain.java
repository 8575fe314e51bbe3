package nova.activities.llm.gateway;

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
  static Optional<AgentChain> of(Jdbi jdbi, UUID agentId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT model, ARRAY(SELECT f.name FROM"
                        + " jsonb_array_elements_text(fallback_models) WITH ORDINALITY AS f(name,"
                        + " n) ORDER BY f.n) AS fallbacks, system_prompt FROM agents WHERE id ="
                        + " :id")
                .bind("id", agentId)
                .map(
                    (rs, ctx) -> {
                      List<String> models = new ArrayList<>(List.of(rs.getString("model")));
                      models.addAll(List.of((String[]) rs.getArray("fallbacks").getArray()));
                      return new AgentChain(List.copyOf(models), rs.getString("system_prompt"));
                    })
                .findOne());
  }
}
