package nova.activities.llm.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nova.activities.llm.Usage;
import nova.workflows.failures.UnknownModel;
import nova.workflows.llm.LlmActivities;
import nova.workflows.llm.LlmFailure;
import nova.workflows.llm.messages.LlmPrompt;
import nova.workflows.llm.messages.LlmReply;
import nova.workflows.llm.messages.PromptMessage;
import org.jdbi.v3.core.Jdbi;

/**
 * Streams each call through the gateway, heartbeating as it goes, and stores the answer before it
 * returns its id.
 */
final class LlmActivitiesImpl implements LlmActivities {
  private static final Set<String> ROLES = Set.of("system", "user", "assistant");
  private final Gateway gateway;
  private final Jdbi jdbi;
  private final LlmTextDao texts;
  private final LlmCallDao calls;

  LlmActivitiesImpl(Gateway gateway, Jdbi jdbi, ObjectMapper json) {
    this.gateway = gateway;
    this.jdbi = jdbi;
    this.texts = new LlmTextDao(jdbi);
    this.calls = new LlmCallDao(jdbi, json);
  }

  @Override
  public LlmReply chat(LlmPrompt prompt) {
    var done = calls.finished(prompt.callId());
    if (done.isPresent()) return done.get();
    ActivityExecutionContext activity = Activity.getExecutionContext();
    String workflowId = activity.getInfo().getWorkflowId();
    AgentChain agent = agentChain(prompt);
    List<String> models = prompt.models().isEmpty() ? agent.models() : prompt.models();
    if (models.isEmpty())
      throw failure(
          LlmFailure.UNKNOWN_MODEL, "name the models to try, or an agent whose models to use");
    ObjectNode body = body(prompt, agent.systemPrompt());
    calls.begin(prompt, models, workflowId);
    try (Heartbeats heartbeats = new Heartbeats(activity)) {
      GatewayAnswer result =
          gateway.stream(
              new GatewayCall(body, models, "workflow:" + workflowId, prompt.agentId()),
              (route, delta) -> heartbeats.received(delta.path("content").asText("").length()));
      Usage used = result.result().usage();
      return calls.finish(
          prompt.callId(),
          result.result().text(),
          result.route().name(),
          result.result().finishReason(),
          used.inputTokens(),
          used.outputTokens(),
          result.fellBack().stream().map(Attempt::model).toList());
    } catch (UnknownModel e) {
      calls.fail(prompt.callId(), e.getMessage());
      throw failure(LlmFailure.UNKNOWN_MODEL, e.getMessage());
    } catch (GatewayFailure e) {
      calls.fail(prompt.callId(), e.getMessage());
      if (!e.transientFailure()) throw failure(LlmFailure.REQUEST_REFUSED, e.getMessage());
      ApplicationFailure.Builder unavailable =
          ApplicationFailure.newBuilder()
              .setType(LlmFailure.MODELS_UNAVAILABLE.name())
              .setMessage(e.getMessage());
      e.retryAfter().ifPresent(unavailable::setNextRetryDelay);
      throw unavailable.build();
    }
  }

  private AgentChain agentChain(LlmPrompt prompt) {
    if (prompt.agentId() == null) return new AgentChain(List.of(), "");
    return AgentChain.of(jdbi, prompt.agentId())
        .orElseThrow(
            () ->
                failure(LlmFailure.UNKNOWN_MODEL, "agent " + prompt.agentId() + " does not exist"));
  }

  private ObjectNode body(LlmPrompt prompt, String systemPrompt) {
    if (prompt.messages().isEmpty())
      throw failure(LlmFailure.REQUEST_REFUSED, "a prompt needs at least one message");
    List<UUID> ids = new ArrayList<>();
    for (PromptMessage m : prompt.messages()) {
      if (!ROLES.contains(m.role()))
        throw failure(
            LlmFailure.REQUEST_REFUSED, "message role '" + m.role() + "' is not one of " + ROLES);
      ids.add(m.textId());
    }
    Map<UUID, String> bodies = texts.bodies(ids);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode messages = body.putArray("messages");
    boolean hasSystem = prompt.messages().stream().anyMatch(m -> m.role().equals("system"));
    if (!hasSystem && !systemPrompt.isBlank())
      messages.addObject().put("role", "system").put("content", systemPrompt);
    for (PromptMessage m : prompt.messages()) {
      String text = bodies.get(m.textId());
      if (text == null)
        throw failure(LlmFailure.MISSING_TEXT, "prompt text " + m.textId() + " is not stored");
      messages.addObject().put("role", m.role()).put("content", text);
    }
    if (prompt.maxTokens() != null) body.put("max_tokens", prompt.maxTokens());
    return body;
  }

  private static ApplicationFailure failure(LlmFailure type, String message) {
    return ApplicationFailure.newBuilder()
        .setType(type.name())
        .setMessage(message)
        .setNonRetryable(!type.retryable())
        .build();
  }
}
