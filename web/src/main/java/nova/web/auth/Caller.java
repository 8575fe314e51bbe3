package nova.web.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import nova.web.errors.ApiException;
import nova.workflows.failures.NotPermitted;

/**
 * Who is calling, established once per request by {@link AuthFilter}; resources ask it for
 * permission. {@code address}: the client's address as the server saw it, for the audit log.
 */
public record Caller(
    Role role,
    String name,
    UUID userId,
    UUID serverId,
    boolean viaCookie,
    String csrfToken,
    String address) {
  public static final String PROPERTY = "nova.caller";
  public static final Caller ANONYMOUS = new Caller(null, "anonymous", null, null, false, null);

  public Caller(
      Role role, String name, UUID userId, UUID serverId, boolean viaCookie, String csrfToken) {
    this(role, name, userId, serverId, viaCookie, csrfToken, null);
  }

  public Caller from(String clientAddress) {
    return new Caller(role, name, userId, serverId, viaCookie, csrfToken, clientAddress);
  }

  public static Caller of(ContainerRequestContext request) {
    Caller caller = (Caller) request.getProperty(PROPERTY);
    return caller == null ? ANONYMOUS : caller;
  }

  public boolean anonymous() {
    return role == null;
  }

  /** The name recorded in task events: "admin:alice", "key:ci", "server:build-01". */
  public String actor() {
    return name;
  }

  /** Anyone human (admin or viewer) may look. */
  public Caller requireHuman() {
    if (anonymous())
      throw ApiException.unauthorized("log in, or send X-Admin-Secret or an API key");
    if (role == Role.AGENT) throw new NotPermitted("agent keys may use /api/v1/server/... only");
    return this;
  }

  /** Only admins act. */
  public Caller requireAdmin() {
    requireHuman();
    if (role != Role.ADMIN) throw new NotPermitted("the viewer role can look but not act");
    return this;
  }

  public Caller requireAgent() {
    if (anonymous())
      throw ApiException.unauthorized(
          "send the server's API key as Authorization: Bearer sk-nova-... or X-API-Key");
    if (role != Role.AGENT)
      throw new NotPermitted("only a registered server's agent key may use /api/v1/server/...");
    return this;
  }
}
