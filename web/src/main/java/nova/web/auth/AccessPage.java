package nova.web.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nova.web.errors.ApiException;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;

/** API keys and users in the admin app. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccessPage {
  private final Html html;
  private final Access access;

  public AccessPage(Html html, Access access) {
    this.html = html;
    this.access = access;
  }

  @GET
  @Path(Routes.KEYS)
  public Response keys(@Context Caller caller) {
    return html.guarded(caller, false, () -> html.page("access/keys.jte", keyParams(caller)));
  }

  @POST
  @Path(Routes.KEYS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createKey(
      @Context Caller caller, @FormParam("name") String name, @FormParam("role") String role) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (name == null || name.isBlank()) throw ApiException.badRequest("a key needs a name");
          if (role != null && !role.equals("admin") && !role.equals("viewer"))
            throw ApiException.badRequest("role must be admin or viewer");
          Access.CreatedKey key = access.createKey(caller, new AccessRequests.NewKey(name, role));
          return html.page(
              "shared/part/secret.jte",
              Map.of(
                  "label",
                  "API key '" + key.name() + "' (" + key.role() + ", shown once)",
                  "secret",
                  key.key()));
        });
  }

  @POST
  @Path(Routes.KEY_REVOKE)
  public Response revoke(@Context Caller caller, @PathParam("id") UUID id) {
    return html.guarded(
        caller,
        true,
        () -> {
          access.revokeKey(caller, id);
          return html.page("access/part/keys.jte", keyParams(caller));
        });
  }

  @GET
  @Path(Routes.USERS)
  public Response users(@Context Caller caller) {
    return html.guarded(caller, false, () -> html.page("access/users.jte", userParams(caller)));
  }

  @POST
  @Path(Routes.USERS)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createUser(
      @Context Caller caller,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("role") String role) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (username == null
              || username.isBlank()
              || password == null
              || password.length() < Passwords.MIN_LENGTH) {
            throw ApiException.badRequest(
                "a user needs a name and a password of at least "
                    + Passwords.MIN_LENGTH
                    + " characters");
          }
          if (!"admin".equals(role) && !"viewer".equals(role))
            throw ApiException.badRequest("role must be admin or viewer");
          access.createUser(caller, new AccessRequests.NewUser(username, password, role));
          return html.page("access/part/users.jte", userParams(caller));
        });
  }

  @POST
  @Path(Routes.USER_ROLE)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changeRole(
      @Context Caller caller, @PathParam("id") UUID id, @FormParam("role") String role) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (!"admin".equals(role) && !"viewer".equals(role))
            throw ApiException.badRequest("role must be admin or viewer");
          Access.UserView user = access.changeRole(caller, id, role);
          return userList(caller, "'" + user.username() + "' is now " + role + ".");
        });
  }

  @POST
  @Path(Routes.USER_PASSWORD)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response setPassword(
      @Context Caller caller, @PathParam("id") UUID id, @FormParam("password") String password) {
    return html.guarded(
        caller,
        true,
        () -> {
          if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw ApiException.badRequest(
                "a password needs at least " + Passwords.MIN_LENGTH + " characters");
          }
          Access.UserView user = access.setPassword(caller, id, password);
          return userList(
              caller, "Password set for '" + user.username() + "'; their sessions have ended.");
        });
  }

  @POST
  @Path(Routes.USER_REMOVE)
  public Response remove(@Context Caller caller, @PathParam("id") UUID id) {
    return html.guarded(
        caller,
        true,
        () -> {
          Access.UserView user = access.removeUser(caller, id);
          return userList(caller, "Removed '" + user.username() + "'; their sessions have ended.");
        });
  }

  private Response userList(Caller caller, String notice) {
    Map<String, Object> params = userParams(caller);
    params.put("notice", notice);
    return html.page("access/part/users.jte", params);
  }

  private Map<String, Object> keyParams(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("API keys", "keys", caller));
    params.put("keys", access.keys(caller));
    return params;
  }

  private Map<String, Object> userParams(Caller caller) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageContext("Users", "users", caller));
    params.put("users", access.users(caller));
    return params;
  }
}
