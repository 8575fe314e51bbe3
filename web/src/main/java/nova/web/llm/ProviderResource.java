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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nova.web.auth.Caller;
import nova.web.ui.Routes;

/**
 * /api/v1/providers and /api/v1/model-aliases: the gateway's providers (keys masked, circuit state
 * shown) and aliases.
 */
@Path(Routes.API)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderResource {
  private final LlmAdmin admin;

  public ProviderResource(LlmAdmin admin) {
    this.admin = admin;
  }

  @GET
  @Path("providers")
  public List<ProviderView> providers(@Context Caller caller) {
    return admin.providers(caller);
  }

  @GET
  @Path("providers/{name}")
  public ProviderView provider(@Context Caller caller, @PathParam("name") String name) {
    return admin.provider(caller, name);
  }

  @POST
  @Path("providers")
  public Response create(
      @Context Caller caller, @NotNull @Valid ProviderRequests.ProviderBody body) {
    return Response.status(201).entity(admin.create(caller, body)).build();
  }

  @PUT
  @Path("providers/{name}")
  public ProviderView update(
      @Context Caller caller,
      @PathParam("name") String name,
      @NotNull @Valid ProviderRequests.ProviderBody body) {
    return admin.update(caller, name, body);
  }

  @DELETE
  @Path("providers/{name}")
  public Response delete(@Context Caller caller, @PathParam("name") String name) {
    admin.delete(caller, name);
    return Response.noContent().build();
  }

  @GET
  @Path("model-aliases")
  public Map<String, List<String>> aliases(@Context Caller caller) {
    return admin.aliases(caller);
  }

  @PUT
  @Path("model-aliases/{name}")
  public Map<String, List<String>> putAlias(
      @Context Caller caller,
      @PathParam("name") String name,
      @NotNull @Valid ProviderRequests.AliasBody body) {
    return admin.putAlias(caller, name, body.targets());
  }

  @DELETE
  @Path("model-aliases/{name}")
  public Response deleteAlias(@Context Caller caller, @PathParam("name") String name) {
    admin.deleteAlias(caller, name);
    return Response.noContent().build();
  }
}
