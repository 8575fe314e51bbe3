package nova.web.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import nova.web.auth.Caller;
import nova.web.platform.TemporalWebUi;

/**
 * The navigation's way to the Temporal Web UI: a signed-in person goes to the namespace's workflows
 * there, or, when TEMPORAL_UI_URL is not set, reads how to set it.
 */
@Path(Routes.TEMPORAL_UI)
public class TemporalUiPage {
  private final Html html;
  private final TemporalWebUi webUi;

  public TemporalUiPage(Html html, TemporalWebUi webUi) {
    this.html = html;
    this.webUi = webUi;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public Response page(@Context Caller caller) {
    return html.guarded(
        caller,
        false,
        () ->
            webUi
                .workflows()
                .map(url -> Response.seeOther(URI.create(url)).build())
                .orElseGet(
                    () ->
                        html.page(
                            "temporal/page.jte",
                            Map.of("page", new PageContext("Temporal", "temporal", caller)))));
  }
}
