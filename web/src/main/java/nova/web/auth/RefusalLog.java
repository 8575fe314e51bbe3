package nova.web.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import nova.web.errors.ErrorBody;

/**
 * Puts every 403 in the audit log, whatever refused it (the auth filter, a resource, a page), and
 * every 401 of a request that did bring credentials (a wrong admin secret, an unknown or revoked
 * key): who, from where, what they asked for and why it was refused.
 */
public final class RefusalLog implements ContainerResponseFilter {
  private final SecurityLog log;

  public RefusalLog(SecurityLog log) {
    this.log = log;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    boolean credentials =
        request.getHeaderString("X-Admin-Secret") != null
            || request.getHeaderString("X-API-Key") != null
            || request.getHeaderString("Authorization") != null;
    if (status != 403 && !(status == 401 && credentials)) return;
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("method", request.getMethod());
    detail.put("path", "/" + request.getUriInfo().getPath());
    if (response.getEntity() instanceof ErrorBody error) detail.put("reason", error.error());
    Caller caller = Caller.of(request);
    String address =
        caller.address() != null
            ? caller.address()
            : (String) request.getProperty(AuthFilter.ADDRESS);
    log.record(
        status == 403 ? "forbidden" : "credentials_refused", caller.actor(), address, detail);
  }
}
