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
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * /api/v1/keys and /api/v1/users: keys are created and revoked; people are added, change role, get
 * a new password or are removed.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccessResource {
  private final Access access;

  public AccessResource(Access access) {
    this.access = access;
  }

  @GET
  @Path("keys")
  public List<ApiKeyDao.Key> keys(@Context ContainerRequestContext request) {
    return access.keys(Caller.of(request));
  }

  @POST
  @Path("keys")
  public Response createKey(
      @Context ContainerRequestContext request, @NotNull @Valid AccessRequests.NewKey body) {
    return Response.status(201).entity(access.createKey(Caller.of(request), body)).build();
  }

  @DELETE
  @Path("keys/{id}")
  public Response revokeKey(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
    access.revokeKey(Caller.of(request), id);
    return Response.noContent().build();
  }

  @GET
  @Path("users")
  public List<Access.UserView> users(@Context ContainerRequestContext request) {
    return access.users(Caller.of(request));
  }

  @PATCH
  @Path("users/{id}")
  public Access.UserView changeRole(
      @Context ContainerRequestContext request,
      @PathParam("id") UUID id,
      @NotNull @Valid AccessRequests.RoleChange body) {
    return access.changeRole(Caller.of(request), id, body.role());
  }

  @PUT
  @Path("users/{id}/password")
  public Response setPassword(
      @Context ContainerRequestContext request,
      @PathParam("id") UUID id,
      @NotNull @Valid AccessRequests.NewPassword body) {
    access.setPassword(Caller.of(request), id, body.password());
    return Response.noContent().build();
  }

  @DELETE
  @Path("users/{id}")
  public Response removeUser(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
    access.removeUser(Caller.of(request), id);
    return Response.noContent().build();
  }

  @POST
  @Path("users")
  public Response createUser(
      @Context ContainerRequestContext request, @NotNull @Valid AccessRequests.NewUser body) {
    return Response.status(201).entity(access.createUser(Caller.of(request), body)).build();
  }
}
