package nova.activities.llm.gateway;

import java.util.List;
import nova.activities.llm.ChatResult;

/** The answer, the route that gave it, and the models tried before it. */
public record GatewayAnswer(Route route, ChatResult result, List<Attempt> fellBack) {}
