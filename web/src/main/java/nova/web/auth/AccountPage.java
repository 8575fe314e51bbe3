package nova.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import nova.web.errors.ApiException;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.RateLimited;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's own account: a new password, or logging out everywhere. Either ends every other
 * session of theirs; this browser gets a fresh one, and a reload for its new CSRF token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPage {
  private static final Map<String, String> DONE =
      Map.of(
          "password", "Password changed. Every other session of yours is logged out.",
          "sessions", "Every other session of yours is logged out.");
  private final Html html;
  private final Jdbi jdbi;
  private final SessionCookie sessions;
  private final LoginThrottle throttle;
  private final boolean secure;

  private final SecurityLog audit;

  public AccountPage(
      Html html,
      Jdbi jdbi,
      SessionCookie sessions,
      LoginThrottle throttle,
      boolean secure,
      SecurityLog audit) {
    this.audit = audit;
    this.html = html;
    this.jdbi = jdbi;
    this.sessions = sessions;
    this.throttle = throttle;
    this.secure = secure;
  }

  @GET
  @Path(Routes.ACCOUNT)
  public Response page(@Context Caller caller, @QueryParam("done") String done) {
    return html.guarded(
        caller,
        false,
        () -> {
          Map<String, Object> params = new HashMap<>();
          params.put("page", new PageContext("Account", "account", caller));
          params.put("person", caller.userId() != null);
          params.put("done", done == null ? null : DONE.get(done)); // Map.of refuses a null key
          return html.page("account/page.jte", params);
        });
  }

  @POST
  @Path(Routes.ACCOUNT_PASSWORD)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(
      @Context Caller caller,
      @Context HttpServletRequest servlet,
      @FormParam("current") String current,
      @FormParam("password") String password,
      @FormParam("repeat") String repeat) {
    return html.guarded(
        caller,
        true,
        () -> {
          AdminUserDao.User user = person(caller);
          String address = servlet.getRemoteAddr();
          throttle
              .attempt(user.username(), address)
              .ifPresent(
                  wait -> {
                    throw new RateLimited(
                        "too many wrong passwords; try again later", wait, Map.of());
                  });
          if (!Passwords.matches(current == null ? "" : current, user.passwordHash())) {
            throw new ApiException(
                400,
                "the current password is wrong",
                Map.of("fields", Map.of("current", "does not match")));
          }
          throttle.succeeded(user.username(), address);
          if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw new ApiException(
                400,
                "the new password needs at least " + Passwords.MIN_LENGTH + " characters",
                Map.of("fields", Map.of("password", "too short")));
          }
          if (!password.equals(repeat)) {
            throw new ApiException(
                400,
                "the new password and its repetition differ",
                Map.of("fields", Map.of("repeat", "differs")));
          }
          Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as the session row keeps it
          jdbi.onDemand(AdminUserDao.class)
              .changePassword(user.id(), Passwords.hash(password), now);
          sessions.endAll(user.id(), now);
          audit.record("password_changed", caller, Map.of());
          return freshSession(user, now, "password", servlet);
        });
  }

  @POST
  @Path(Routes.ACCOUNT_SESSIONS)
  public Response logOutEverywhere(@Context Caller caller, @Context HttpServletRequest servlet) {
    return html.guarded(
        caller,
        true,
        () -> {
          AdminUserDao.User user = person(caller);
          Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as the session row keeps it
          jdbi.onDemand(AdminUserDao.class).revokeSessions(user.id(), now);
          sessions.endAll(user.id(), now);
          audit.record("signed_out_everywhere", caller, Map.of());
          return freshSession(user, now, "sessions", servlet);
        });
  }

  private AdminUserDao.User person(Caller caller) {
    if (caller.userId() == null) {
      throw ApiException.badRequest(
          "only a person logged in to the admin app has an account here; API keys and the admin"
              + " secret do not");
    }
    return jdbi.onDemand(AdminUserDao.class)
        .byId(caller.userId())
        .orElseThrow(() -> new NotFound("user", caller.userId()));
  }

  private Response freshSession(
      AdminUserDao.User user, Instant now, String done, HttpServletRequest servlet) {
    return Response.noContent()
        .cookie(
            sessions.issueCookie(
                user.id(), now, secure, servlet.getRemoteAddr(), servlet.getHeader("User-Agent")))
        .header("HX-Redirect", Routes.ACCOUNT + "?done=" + done)
        .build();
  }
}
