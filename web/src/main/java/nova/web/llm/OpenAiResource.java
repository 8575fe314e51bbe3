package nova.web.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import nova.activities.llm.gateway.CatalogSnapshot;
import nova.activities.llm.gateway.GatewayAnswer;
import nova.activities.llm.gateway.GatewayCall;
import nova.activities.llm.gateway.LlmServices;
import nova.activities.llm.gateway.Route;
import nova.web.auth.Caller;
import nova.web.ui.Routes;

/**
 * Nova's OpenAI-compatible API, so OpenAI's own SDKs work against Nova unchanged: chat completions
 * (streamed and not), models and embeddings, with a Nova API key as the bearer token.
 */
@Path(Routes.OPENAI)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpenAiResource {
  private final LlmServices gateway;
  private final GatewayAccess access;
  private final ObjectMapper json;

  public OpenAiResource(LlmServices gateway, GatewayAccess access, ObjectMapper json) {
    this.gateway = gateway;
    this.access = access;
    this.json = json;
  }

  @POST
  @Path("chat/completions")
  public Response chat(@Context Caller caller, JsonNode body) {
    access.admit(caller);
    ChatRequestCheck.check(body, true);
    GatewayCall call =
        new GatewayCall(
            (ObjectNode) body, List.of(body.get("model").asText()), caller.actor(), null);
    if (!body.path("stream").asBoolean(false)) {
      GatewayAnswer answer = gateway.complete(call);
      return Response.ok(OpenAiChunks.completion(json, answer))
          .header(OpenAiChunks.ROUTE_HEADER, answer.route().name())
          .build();
    }
    boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
    ChatRelay relay = ChatRelay.start(gateway, call);
    ChatRelay.Event first = relay.next();
    if (first instanceof ChatRelay.Failed failed) throw failed.error();
    Route route =
        first instanceof ChatRelay.Delta d ? d.route() : ((ChatRelay.Done) first).answer().route();
    return Response.ok(new OpenAiChunks(json, relay, first, usage))
        .type("text/event-stream")
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .header(OpenAiChunks.ROUTE_HEADER, route.name())
        .build();
  }

  @GET
  @Path("models")
  public ObjectNode models(@Context Caller caller) {
    access.admit(caller);
    ObjectNode list = json.createObjectNode().put("object", "list");
    ArrayNode data = list.putArray("data");
    CatalogSnapshot catalog = gateway.catalog();
    catalog.models().forEach(name -> data.add(model(name, name.substring(0, name.indexOf('/')))));
    catalog.aliases().keySet().stream()
        .sorted()
        .forEach(alias -> data.add(model(alias, "nova-alias")));
    return list;
  }

  @GET
  @Path("models/{model: .+}")
  public ObjectNode model(@Context Caller caller, @PathParam("model") String name) {
    access.admit(caller);
    Route route = gateway.resolve(name).getFirst();
    return model(
        name,
        gateway.catalog().aliases().containsKey(name) ? "nova-alias" : route.provider().name());
  }

  @POST
  @Path("embeddings")
  public ObjectNode embeddings(@Context Caller caller, JsonNode body) {
    access.admit(caller);
    EmbeddingRequest parsed = EmbeddingRequest.parse(body);
    return parsed.answer(json, gateway.embed(parsed.model(), parsed.input(), caller.actor()));
  }

  private ObjectNode model(String id, String owner) {
    return json.createObjectNode()
        .put("id", id)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", owner);
  }
}
