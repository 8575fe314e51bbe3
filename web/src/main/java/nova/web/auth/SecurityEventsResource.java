package nova.web.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nova.web.errors.ApiException;
import nova.web.ui.Routes;
import org.jdbi.v3.core.Jdbi;

/**
 * GET /api/v1/security-events: the audit log as JSON, newest first, page by page with {@code
 * before}; admins only.
 */
@Path(Routes.API + "/security-events")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventsResource {
  static final int MAX_LIMIT = 500;
  private static final Pattern KIND = Pattern.compile("[a-z_]{1,40}");
  private final Jdbi jdbi;

  public SecurityEventsResource(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @GET
  public Map<String, Object> events(
      @Context Caller caller,
      @QueryParam("kind") String kind,
      @QueryParam("before") String before,
      @QueryParam("limit") String limit) {
    caller.requireAdmin();
    List<SecurityEventDao.Event> events =
        jdbi.onDemand(SecurityEventDao.class)
            .page(
                kind(kind),
                number("before", before, 1, Long.MAX_VALUE),
                limit == null ? 100 : number("limit", limit, 1, MAX_LIMIT).intValue());
    Map<String, Object> page = new HashMap<>();
    page.put("events", events);
    page.put("next_before", events.isEmpty() ? null : events.getLast().id());
    return page;
  }

  static String kind(String kind) {
    if (kind == null || kind.isBlank()) return null;
    if (!KIND.matcher(kind).matches())
      throw ApiException.badRequest(
          "kind must be an event kind such as sign_in or forbidden (lower case and _)");
    return kind;
  }

  private static Long number(String name, String value, long min, long max) {
    if (value == null) return null;
    try {
      long n = Long.parseLong(value.trim());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw ApiException.badRequest(
        name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
  }
}
