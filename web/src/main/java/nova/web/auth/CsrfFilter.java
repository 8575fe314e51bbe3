package nova.web.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import nova.web.errors.ApiException;

/**
 * Every state-changing request that rides on the session cookie must carry the session's CSRF
 * token, in the X-CSRF-Token header (htmx sends it) or the _csrf form field. Header-authenticated
 * callers (API keys, X-Admin-Secret) are not exposed to CSRF and are not asked.
 */
@Priority(Priorities.AUTHORIZATION)
public class CsrfFilter implements ContainerRequestFilter {
  public static final String HEADER = "X-CSRF-Token";
  public static final String FIELD = "_csrf";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Caller caller = (Caller) request.getProperty(Caller.PROPERTY);
    if (SAFE.contains(request.getMethod()) || caller == null || !caller.viaCookie()) return;
    String token = request.getHeaderString(HEADER);
    if (token == null
        && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      token = formField(new String(body, StandardCharsets.UTF_8));
    }
    if (!Secrets.same(token, caller.csrfToken())) {
      throw new ApiException(403, "missing or wrong CSRF token; reload the page and try again");
    }
  }

  static String formField(String form) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(FIELD))
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
    }
    return null;
  }
}
