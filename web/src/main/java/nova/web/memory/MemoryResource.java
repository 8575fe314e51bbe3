package nova.web.memory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nova.activities.memory.BadMemoryRequest;
import nova.activities.memory.Memory;
import nova.activities.memory.MemoryServices;
import nova.activities.memory.MemoryStats;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.ui.Routes;
import nova.workflows.failures.NotFound;
import nova.workflows.memory.messages.MemoryHits;
import nova.workflows.memory.messages.MemoryQuery;
import nova.workflows.memory.messages.NewMemory;
import nova.workflows.memory.messages.StoredMemory;

/**
 * /api/v1/memories, the memory service's paths: people look and search; admins store and delete.
 */
@Path(Routes.API + "/memories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemoryResource {
  private final MemoryServices memory;

  public MemoryResource(MemoryServices memory) {
    this.memory = memory;
  }

  @POST
  public Response store(@Context Caller caller, MemoryRequests.NewMemory body) {
    caller.requireAdmin();
    if (body == null) throw ApiException.badRequest("send {content, scope, metadata}");
    StoredMemory stored = checked(() -> memory.store(List.of(memory(body, caller))).getFirst());
    return Response.status(stored.duplicate() ? 200 : 201).entity(stored).build();
  }

  @POST
  @Path("batch")
  public Response batch(@Context Caller caller, MemoryRequests.Batch body) {
    caller.requireAdmin();
    if (body == null || body.items() == null)
      throw ApiException.badRequest("send {items: [{content, scope, metadata}, ...]}");
    List<NewMemory> items =
        body.items().stream().map(item -> item == null ? null : memory(item, caller)).toList();
    return Response.status(201).entity(Map.of("items", checked(() -> memory.store(items)))).build();
  }

  @POST
  @Path("search")
  public MemoryHits search(@Context Caller caller, MemoryRequests.Search body) {
    caller.requireHuman();
    if (body == null) throw ApiException.badRequest("send {query, mode, scope, filter, limit}");
    return checked(
        () ->
            memory.search(
                new MemoryQuery(
                    body.query(), body.mode(), body.scopes(), body.filter(), body.limit())));
  }

  @GET
  public Map<String, List<Memory>> list(
      @Context Caller caller,
      @QueryParam("scope") String scope,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    caller.requireHuman();
    return Map.of("memories", checked(() -> memory.list(scope, limit, offset)));
  }

  @GET
  @Path("stats")
  public MemoryStats stats(@Context Caller caller) {
    caller.requireHuman();
    return memory.stats();
  }

  @GET
  @Path("{id}")
  public Memory get(@Context Caller caller, @PathParam("id") UUID id) {
    caller.requireHuman();
    return memory.get(id).orElseThrow(() -> new NotFound("memory", id));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Context Caller caller, @PathParam("id") UUID id) {
    caller.requireAdmin();
    if (!memory.delete(id)) throw new NotFound("memory", id);
    return Response.noContent().build();
  }

  private static NewMemory memory(MemoryRequests.NewMemory body, Caller caller) {
    return new NewMemory(body.content(), body.scope(), body.metadata(), caller.actor());
  }

  static <T> T checked(Supplier<T> call) {
    try {
      return call.get();
    } catch (BadMemoryRequest e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
