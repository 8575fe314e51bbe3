package nova.web.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nova.web.auth.Caller;

/**
 * /api/v1/providers and /api/v1/model-aliases: the gateway's providers (keys masked, circuit state
 * shown) and aliases.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderResource {
  private final LlmAdmin admin;

  public ProviderResource(LlmAdmin admin) {
    this.admin = admin;
  }

  @GET
  @Path("providers")
  public List<ProviderView> providers(@Context ContainerRequestContext request) {
    return admin.providers(Caller.of(request));
  }

  @GET
  @Path("providers/{name}")
  public ProviderView provider(
      @Context ContainerRequestContext request, @PathParam("name") String name) {
    return admin.provider(Caller.of(request), name);
  }

  @POST
  @Path("providers")
  public Response create(
      @Context ContainerRequestContext request,
      @NotNull @Valid ProviderRequests.ProviderBody body) {
    return Response.status(201).entity(admin.create(Caller.of(request), body)).build();
  }

  @PUT
  @Path("providers/{name}")
  public ProviderView update(
      @Context ContainerRequestContext request,
      @PathParam("name") String name,
      @NotNull @Valid ProviderRequests.ProviderBody body) {
    return admin.update(Caller.of(request), name, body);
  }

  @DELETE
  @Path("providers/{name}")
  public Response delete(@Context ContainerRequestContext request, @PathParam("name") String name) {
    admin.delete(Caller.of(request), name);
    return Response.noContent().build();
  }

  @GET
  @Path("model-aliases")
  public Map<String, List<String>> aliases(@Context ContainerRequestContext request) {
    return admin.aliases(Caller.of(request));
  }

  @PUT
  @Path("model-aliases/{name}")
  public Map<String, List<String>> putAlias(
      @Context ContainerRequestContext request,
      @PathParam("name") String name,
      @NotNull @Valid ProviderRequests.AliasBody body) {
    return admin.putAlias(Caller.of(request), name, body.targets());
  }

  @DELETE
  @Path("model-aliases/{name}")
  public Response deleteAlias(
      @Context ContainerRequestContext request, @PathParam("name") String name) {
    admin.deleteAlias(Caller.of(request), name);
    return Response.noContent().build();
  }
}
