package nova.web.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nova.activities.llm.gateway.GatewayCall;
import nova.activities.llm.gateway.LlmServices;
import nova.web.auth.Caller;
import nova.web.llm.ChatRelay;
import nova.web.llm.GatewayAccess;
import nova.web.ui.Routes;

/**
 * POST /api/v1/chat/stream: a chat turn with an agent (the Nova agent unless another is named),
 * answered as server-sent events of JSON lines: start, token..., then done or error.
 */
@Path(Routes.CHAT_STREAM)
@Produces("text/event-stream")
@Consumes(MediaType.APPLICATION_JSON)
public class ChatResource {
  private final Agents agents;
  private final LlmServices gateway;
  private final GatewayAccess access;
  private final ObjectMapper json;

  public ChatResource(Agents agents, LlmServices gateway, GatewayAccess access, ObjectMapper json) {
    this.agents = agents;
    this.gateway = gateway;
    this.access = access;
    this.json = json;
  }

  @POST
  public Response chat(@Context Caller caller, @NotNull @Valid AgentRequests.ChatTurn turn) {
    caller.requireAdmin();
    access.admit(caller);
    Agent agent = turn.agentId() == null ? agents.nova(caller) : agents.get(caller, turn.agentId());
    ChatRelay relay =
        ChatRelay.start(
            gateway,
            new GatewayCall(messages(agent, turn), agent.chain(), caller.actor(), agent.id()));
    ChatRelay.Event first = relay.next();
    if (first instanceof ChatRelay.Failed failed) throw failed.error();
    return Response.ok(new ChatEvents(json, relay, first, agent))
        .type("text/event-stream")
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .build();
  }

  private ObjectNode messages(Agent agent, AgentRequests.ChatTurn turn) {
    ObjectNode body = json.createObjectNode();
    ArrayNode messages = body.putArray("messages");
    if (!agent.systemPrompt().isBlank())
      messages.addObject().put("role", "system").put("content", agent.systemPrompt());
    if (turn.history() != null)
      turn.history()
          .forEach(h -> messages.addObject().put("role", h.role()).put("content", h.content()));
    messages.addObject().put("role", "user").put("content", turn.message());
    return body;
  }
}
