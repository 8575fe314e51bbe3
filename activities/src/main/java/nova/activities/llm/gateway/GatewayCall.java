package nova.activities.llm.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/**
 * A chat call: an OpenAI chat completion body, the models to try in order (names, aliases), who is
 * calling (for usage) and the agent it is for, if any.
 */
public record GatewayCall(ObjectNode body, List<String> models, String caller, UUID agentId) {
  public GatewayCall {
    models = List.copyOf(models);
  }
}
