package nova.web.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nova.web.ui.Html;
import nova.web.ui.PageContext;
import nova.web.ui.Routes;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log's page, for admins only: the last day's events by kind as bars, then the newest
 * events (SecurityEventsResource serves the same as JSON).
 */
@Path(Routes.SECURITY)
public class SecurityPage {
  private final Html html;
  private final Jdbi jdbi;

  public SecurityPage(Html html, Jdbi jdbi) {
    this.html = html;
    this.jdbi = jdbi;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@Context Caller caller, @QueryParam("kind") String kind) {
    return html.guarded(
        caller,
        false,
        () -> {
          caller.requireAdmin();
          Map<String, Object> params = new HashMap<>();
          params.put("page", new PageContext("Audit log", "security", caller));
          params.put("kind", SecurityEventsResource.kind(kind));
          params.put("counts", dao().countsSince(Instant.now().minus(Duration.ofDays(1))));
          params.put("events", dao().page(SecurityEventsResource.kind(kind), null, 200));
          return html.page("access/security.jte", params);
        });
  }

  private SecurityEventDao dao() {
    return jdbi.onDemand(SecurityEventDao.class);
  }
}
