package nova.tests;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nova.web.NovaApplication;
import nova.web.NovaConfiguration;
import org.glassfish.jersey.server.model.Resource;

/**
 * One Nova server per test JVM, started in-process from web/nova.yml against the PostgreSQL, Redis
 * and Temporal processes that bin/nova test started (DATABASE_URL, REDIS_URL, TEMPORAL_ADDRESS).
 */
public final class NovaServer {
  public static final String ADMIN_SECRET = "test-admin-secret-" + UUID.randomUUID();
  public static final String ADMIN_PASSWORD = "test-admin-password";

  /** What the test conductors ask for on /admin, and what this server sends them. */
  public static final String CONDUCTOR_ADMIN_TOKEN =
      "test-conductor-admin-token-" + UUID.randomUUID();

  public static final Path CONFIG = Path.of("..", "web", "nova.yml").toAbsolutePath().normalize();
  private static DropwizardTestSupport<NovaConfiguration> support;

  private NovaServer() {}

  /**
   * A route of the server's router: an HTTP method, a path template and what the method consumes.
   */
  public record Route(String method, String path, List<MediaType> consumes) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * Every route that Nova's resources register, read from the running server's Jersey model, so
   * none can be left out.
   */
  public static List<Route> routes() {
    baseUrl();
    var config = support.getEnvironment().jersey().getResourceConfig();
    List<Route> routes = new ArrayList<>();
    Stream.concat(
            config.getInstances().stream().map(Object::getClass), config.getClasses().stream())
        .filter(
            type ->
                type.getPackageName().startsWith("nova.")
                    && type.isAnnotationPresent(jakarta.ws.rs.Path.class))
        .distinct()
        .forEach(type -> collect(Resource.from(type), "", routes));
    return routes;
  }

  private static void collect(Resource resource, String prefix, List<Route> into) {
    String path = (prefix + "/" + resource.getPath()).replaceAll("/+", "/");
    if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
    for (var method : resource.getResourceMethods())
      for (String each : alternatives(path))
        into.add(new Route(method.getHttpMethod(), each, method.getConsumedTypes()));
    for (var child : resource.getChildResources()) collect(child, path, into);
  }

  /**
   * A template whose parameter is a list of literal choices, {action: start|plan}, is one route per
   * choice.
   */
  private static List<String> alternatives(String path) {
    Matcher choice = Pattern.compile("\\{\\w+:\\s*([\\w/|-]+)}").matcher(path);
    if (!choice.find()) return List.of(path);
    return Stream.of(choice.group(1).split("\\|"))
        .map(each -> path.substring(0, choice.start()) + each + path.substring(choice.end()))
        .toList();
  }

  public static synchronized String baseUrl() {
    if (support == null) {
      support =
          new DropwizardTestSupport<>(
              NovaApplication.class,
              CONFIG.toString(),
              ConfigOverride.config("server.applicationConnectors[0].port", "0"),
              ConfigOverride.config("auth.adminSecret", ADMIN_SECRET),
              ConfigOverride.config("auth.adminPassword", ADMIN_PASSWORD),
              ConfigOverride.config("auth.credentialsFile", ""),
              ConfigOverride.config("llm.conductor.adminToken", CONDUCTOR_ADMIN_TOKEN),
              ConfigOverride.config("temporal.uiUrl", "http://temporal-ui.test:8233"),
              ConfigOverride.config("temporal.remindAfter", "1h"),
              // The local model at test speed, and a breaker that opens after two failures and
              // rests two seconds.
              ConfigOverride.config("llm.local.firstToken", "5ms"),
              ConfigOverride.config("llm.local.tokensPerSecond", "5000"),
              ConfigOverride.config("llm.breaker.window", "4"),
              ConfigOverride.config("llm.breaker.openFor", "2s"));
      try {
        support.before();
      } catch (Exception e) {
        throw new IllegalStateException(
            "the Nova server did not start; are bin/nova test's services up?", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(support::after));
    }
    return "http://127.0.0.1:" + support.getLocalPort();
  }
}
