package nova.web.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The admin app's static files: our CSS and script, and htmx from its webjar. */
@Path(Routes.ASSETS)
public class AssetsResource {
  private static final String HTMX =
      "META-INF/resources/webjars/htmx.org/" + HtmxVersion.VERSION + "/dist/htmx.min.js";
  private static final Map<String, String> FILES =
      Map.of(
          "htmx.min.js", HTMX,
          "nova.js", "assets/nova.js",
          "chat.js", "assets/chat.js",
          "nova.css", "assets/nova.css");
  private static final Map<String, String> TYPES =
      Map.of("js", "text/javascript", "css", "text/css");

  @GET
  @Path("{name}")
  public Response asset(@PathParam("name") String name) throws IOException {
    String resource = FILES.get(name);
    if (resource == null) return Response.status(404).build();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) return Response.status(404).build();
      CacheControl cache = new CacheControl();
      cache.setMaxAge(300);
      return Response.ok(
              in.readAllBytes(),
              TYPES.get(name.substring(name.lastIndexOf('.') + 1)) + "; charset=utf-8")
          .cacheControl(cache)
          .build();
    }
  }
}
