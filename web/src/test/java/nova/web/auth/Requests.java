package nova.web.auth;

import java.net.URI;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;

/** A request as Jersey hands it to filters, made without a server. */
final class Requests {
  private Requests() {}

  static ContainerRequest of(String method, String path) {
    return new ContainerRequest(
        URI.create("http://nova.test/"),
        URI.create("http://nova.test" + path),
        method,
        null,
        new MapPropertiesDelegate(),
        null);
  }
}
