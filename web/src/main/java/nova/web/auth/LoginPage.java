package nova.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nova.web.ui.Html;
import nova.web.ui.Routes;
import nova.workflows.failures.RateLimited;
import org.jdbi.v3.core.Jdbi;

/**
 * Login and logout. Before a session exists, CSRF on the login form is a double-submit cookie: the
 * form's hidden field must equal a cookie only this site could have set.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {
  private static final String LOGIN_CSRF = "nova_login_csrf";
  private final Html html;
  private final Jdbi jdbi;
  private final SessionCookie sessions;
  private final LoginThrottle throttle;
  private final boolean secure;

  private final SecurityLog audit;

  public LoginPage(
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
  @Path(Routes.LOGIN)
  public Response form() {
    return show(null, 200);
  }

  @POST
  @Path(Routes.LOGIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response login(
      @Context ContainerRequestContext request,
      @Context HttpServletRequest servlet,
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam(CsrfFilter.FIELD) String csrf) {
    Cookie expected = request.getCookies().get(LOGIN_CSRF);
    if (expected == null || !Secrets.same(expected.getValue(), csrf))
      return show("The form expired; please try again.", 403);
    String address = servlet.getRemoteAddr();
    String tried = username == null ? "" : username.trim();
    var wait = throttle.attempt(username, address);
    if (wait.isPresent()) {
      audit.record(
          "sign_in_throttled",
          "admin:" + tried,
          address,
          Map.of("retry_after_seconds", wait.get().toSeconds()));
      long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
      return Response.fromResponse(
              show(
                  "Too many failed logins for this account or address; try again in "
                      + minutes
                      + (minutes == 1 ? " minute." : " minutes."),
                  429))
          .header("Retry-After", wait.get().toSeconds())
          .build();
    }
    var user =
        username == null
            ? null
            : jdbi.onDemand(AdminUserDao.class).byName(username.trim()).orElse(null);
    boolean ok;
    try {
      // Hash even for an unknown user, so timing does not tell which names exist.
      ok =
          Passwords.matches(
                  password == null ? "" : password, user == null ? DUMMY_HASH : user.passwordHash())
              && user != null;
    } catch (RateLimited busy) {
      audit.record("sign_in_busy", "admin:" + tried, address, Map.of());
      return Response.fromResponse(show("The server is busy; please try again in a moment.", 429))
          .header("Retry-After", busy.retryAfter().map(Duration::toSeconds).orElse(1L))
          .build();
    }
    if (!ok) {
      audit.record("sign_in_failed", "admin:" + tried, address, Map.of("known_user", user != null));
      return show("Wrong username or password.", 401);
    }
    throttle.succeeded(username, address);
    audit.record(
        "sign_in",
        "admin:" + user.username(),
        address,
        Map.of("user_agent", String.valueOf(servlet.getHeader("User-Agent"))));
    return Response.seeOther(URI.create(Routes.BOARD))
        .cookie(
            sessions.issueCookie(
                user.id(), Instant.now(), secure, address, servlet.getHeader("User-Agent")))
        .build();
  }

  /**
   * Ends this session on the server (its cookie answers 401 from now on, its event streams close)
   * and clears the cookie.
   */
  @POST
  @Path(Routes.LOGOUT)
  public Response logout(@Context Caller caller, @Context ContainerRequestContext request) {
    Cookie session = request.getCookies().get(SessionCookie.NAME);
    if (session != null) sessions.end(session.getValue(), Instant.now());
    if (!caller.anonymous()) audit.record("sign_out", caller, Map.of());
    return Response.seeOther(URI.create(Routes.LOGIN))
        .cookie(cookie(SessionCookie.NAME, "", 0))
        .build();
  }

  private Response show(String error, int status) {
    String token = Secrets.randomToken(24);
    Map<String, Object> params = new HashMap<>();
    params.put("csrf", token);
    params.put("error", error);
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE)
        .entity(html.render("login/page.jte", params))
        .cookie(cookie(LOGIN_CSRF, token, 3600))
        .build();
  }

  private NewCookie cookie(String name, String value, int maxAge) {
    return SessionCookie.httpCookie(name, value, maxAge, secure);
  }

  private static final String DUMMY_HASH = Passwords.hash("not-a-real-password");
}
