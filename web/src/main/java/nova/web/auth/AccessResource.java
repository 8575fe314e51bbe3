package nova.web.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import nova.web.ui.Routes;

/**
 * /api/v1/keys and /api/v1/users: keys are created and revoked; people are added, change role, get
 * a new password or are removed.
 */
@Path(Routes.API)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessResource {
  private final Access access;

  public AccessResource(Access access) {
    this.access = access;
  }

  @GET
  @Path("keys")
  public List<ApiKeyDao.Key> keys(@Context Caller caller) {
    return access.keys(caller);
  }

  @POST
  @Path("keys")
  public Response createKey(@Context Caller caller, @NotNull @Valid AccessRequests.NewKey body) {
    return Response.status(201).entity(access.createKey(caller, body)).build();
  }

  @DELETE
  @Path("keys/{id}")
  public Response revokeKey(@Context Caller caller, @PathParam("id") UUID id) {
    access.revokeKey(caller, id);
    return Response.noContent().build();
  }

  @GET
  @Path("users")
  public List<Access.UserView> users(@Context Caller caller) {
    return access.users(caller);
  }

  @PATCH
  @Path("users/{id}")
  public Access.UserView changeRole(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid AccessRequests.RoleChange body) {
    return access.changeRole(caller, id, body.role());
  }

  @PUT
  @Path("users/{id}/password")
  public Response setPassword(
      @Context Caller caller,
      @PathParam("id") UUID id,
      @NotNull @Valid AccessRequests.NewPassword body) {
    access.setPassword(caller, id, body.password());
    return Response.noContent().build();
  }

  @DELETE
  @Path("users/{id}")
  public Response removeUser(@Context Caller caller, @PathParam("id") UUID id) {
    access.removeUser(caller, id);
    return Response.noContent().build();
  }

  @POST
  @Path("users")
  public Response createUser(@Context Caller caller, @NotNull @Valid AccessRequests.NewUser body) {
    return Response.status(201).entity(access.createUser(caller, body)).build();
  }
}
