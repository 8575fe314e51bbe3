package nova.web.auth;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nova.web.errors.ApiException;
import nova.web.ui.Routes;
import nova.workflows.failures.NotPermitted;
import org.jdbi.v3.core.Jdbi;

/**
 * Works out who is calling, from X-Admin-Secret, an API key or the session cookie. Credentials that
 * are present but wrong are refused at once (401); none at all leaves the caller anonymous, and
 * each resource decides what an anonymous caller gets.
 */
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
  private final ActiveKeys activeKeys;
  private final ApiKeyDao keys;
  private final AdminUserDao users;
  private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();
  private final AdminSecret adminSecret;
  private final SessionCookie sessions;

  public AuthFilter(
      Jdbi jdbi, ActiveKeys activeKeys, AdminSecret adminSecret, SessionCookie sessions) {
    this.activeKeys = activeKeys;
    this.keys = jdbi.onDemand(ApiKeyDao.class);
    this.users = jdbi.onDemand(AdminUserDao.class);
    this.adminSecret = adminSecret;
    this.sessions = sessions;
  }

  @Context private HttpServletRequest servlet;

  @Override
  public void filter(ContainerRequestContext request) {
    String address = servlet == null ? null : servlet.getRemoteAddr();
    request.setProperty(ADDRESS, address);
    Caller caller = identify(request).from(address);
    // set before the checks below, so that a refusal's audit entry names who was refused
    request.setProperty(Caller.PROPERTY, caller);
    String path = request.getUriInfo().getPath();
    // The API answers nobody anonymous (but the registration that trades a token for a key),
    // before it looks at a body: 401 comes before 400.
    if (caller.anonymous() && path.startsWith("api/") && !path.equals(REGISTER)) {
      throw ApiException.unauthorized(
          "log in, or send X-Admin-Secret or an API key (Authorization: Bearer sk-nova-...)");
    }
    // An agent key is confined here, not by each resource, so that no page or part can forget it.
    if (caller.role() == Role.AGENT && AGENT_PATHS.stream().noneMatch(path::startsWith)) {
      throw new NotPermitted(
          "agent keys may use /api/v1/server/... and the model gateway /v1/... only");
    }
    // Likewise a viewer is refused before anything reads the body: 403, not a 400 about a field.
    if (caller.role() == Role.VIEWER
        && !READS.contains(request.getMethod())
        && VIEWER_POSTS.stream().noneMatch(path::startsWith)) {
      throw new NotPermitted("the viewer role can look but not act");
    }
  }

  /**
   * The request property holding the client's address, there even when identifying the caller
   * failed.
   */
  public static final String ADDRESS = "nova.address";

  private static final String REGISTER = relative(Routes.API + Routes.SERVER_REGISTER);

  /**
   * What an agent key may reach: its own tasks, the model gateway, and what anyone may (assets,
   * health).
   */
  private static final List<String> AGENT_PATHS =
      List.of(
          relative(Routes.SERVER_API + "/"),
          relative(Routes.OPENAI + "/"),
          relative(Routes.ASSETS + "/"),
          relative(Routes.HEALTH));

  private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");

  /**
   * What a viewer may send that changes nothing of Nova's: a search, and their own session and
   * password.
   */
  private static final List<String> VIEWER_POSTS =
      List.of(
          relative(Routes.API + "/memories/search"),
          relative(Routes.LOGOUT),
          relative(Routes.ACCOUNT));

  private Caller identify(ContainerRequestContext request) {
    String secret = request.getHeaderString("X-Admin-Secret");
    if (secret != null) {
      if (!adminSecret.matches(secret)) throw ApiException.unauthorized("wrong X-Admin-Secret");
      return new Caller(Role.ADMIN, "admin-secret", null, null, false, null);
    }
    String key = apiKey(request);
    if (key != null) return byKey(request, key);
    Cookie cookie = request.getCookies().get(SessionCookie.NAME);
    return cookie == null
        ? Caller.ANONYMOUS
        : bySession(request, cookie.getValue()).orElse(Caller.ANONYMOUS);
  }

  private static String apiKey(ContainerRequestContext request) {
    String header = request.getHeaderString("X-API-Key");
    if (header != null) return header.trim();
    String authorization = request.getHeaderString("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
      return authorization.substring(7).trim();
    return null;
  }

  private Caller byKey(ContainerRequestContext request, String key) {
    ApiKeyDao.Key found =
        activeKeys
            .find(key)
            .orElseThrow(() -> ApiException.unauthorized("unknown or revoked API key"));
    request.setProperty(KEY, found.id());
    Instant now = Instant.now();
    Instant touched = lastTouched.get(found.id());
    if (touched == null || touched.isBefore(now.minusSeconds(60))) {
      lastTouched.put(found.id(), now);
      keys.touch(found.id());
    }
    Role role = Role.fromWire(found.role());
    String name = role == Role.AGENT ? "server:" + found.name() : "key:" + found.name();
    return new Caller(role, name, null, found.serverId(), false, null);
  }

  private Optional<Caller> bySession(ContainerRequestContext request, String cookie) {
    return sessions
        .read(cookie, Instant.now())
        .flatMap(
            session ->
                users
                    .byId(session.userId())
                    .filter(user -> user.accepts(session.created()))
                    .map(
                        user -> {
                          request.setProperty(SESSION, session.id());
                          return new Caller(
                              Role.fromWire(user.role()),
                              "admin:" + user.username(),
                              user.id(),
                              null,
                              true,
                              sessions.csrfToken(session));
                        }));
  }

  /**
   * The request property holding the caller's session id, for what lives as long as the session (an
   * event stream).
   */
  public static final String SESSION = "nova.session";

  /** The request property holding the id of the API key the caller sent. */
  public static final String KEY = "nova.key";

  /** What the request was authenticated with, for what stays open after it (an event stream). */
  public static Credential credential(ContainerRequestContext request) {
    return new Credential((String) request.getProperty(SESSION), (UUID) request.getProperty(KEY));
  }

  /** A route as JAX-RS gives the request's path: without the leading slash. */
  private static String relative(String route) {
    return route.substring(1);
  }
}
