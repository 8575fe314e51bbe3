package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nova.tests.NovaServer.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route the router has (API, pages, parts, SSE, /v1, assets), read from the running server,
 * against the callers who must get nothing from it (nobody, wrong credentials, an agent key away
 * from its own paths, a viewer who tries to act or reads what only admins may) and the callers who
 * must be let through (an admin everywhere, a viewer on every read, the task's own agent on its
 * paths). A new route is in these tests the day it exists. {@link AuthMatrixIT} checks what the
 * allowed callers get, endpoint by endpoint.
 */
class RouteAuthIT {
  /** What anyone may reach. */
  static final List<String> PUBLIC =
      List.of("/assets", "/health", "/login", "/api/v1/server/register");

  /** What an agent key may reach besides the public routes. */
  static final List<String> AGENT = List.of("/api/v1/server/", "/v1/");

  /**
   * Not changes to Nova, so a viewer may send them: a search, and a person's own session and
   * password.
   */
  static final List<String> VIEWER_POSTS =
      List.of("/api/v1/memories/search", "/logout", "/account");

  /**
   * Reads for admins only: the audit log, the model calls' log (it holds prompts), and calling
   * models.
   */
  static final List<String> ADMIN_READS =
      List.of("/security", "/api/v1/security-events", "/api/v1/llm-calls", "/v1/");

  /**
   * An endless stream: checked on its own below, not by a call that waits for the end of the body.
   */
  static final String EVENTS = "/events";

  static Fixtures.Agent owner;
  static Fixtures.Agent stranger;
  static String task;

  /**
   * What no refused caller may see: the task's title (its id may be echoed back from the request's
   * own URI).
   */
  static String secret;

  static String viewerKey;

  @BeforeAll
  static void world() {
    owner = Fixtures.agent(true);
    stranger = Fixtures.agent(owner.projectName());
    task = Fixtures.task(owner);
    secret = Api.admin().get("/api/v1/tasks/" + task).json().path("task").path("title").asText();
    assertThat(secret).startsWith("task-");
    viewerKey =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", "route-viewer", "role", "viewer"))
            .text("key");
  }

  static Stream<Route> everyRoute() {
    return NovaServer.routes().stream();
  }

  static Stream<Route> peoplesRoutes() {
    return everyRoute().filter(r -> !under(r, PUBLIC) && !under(r, AGENT));
  }

  static Stream<Route> guardedRoutes() {
    return everyRoute().filter(r -> !under(r, PUBLIC));
  }

  static Stream<Route> changes() {
    return guardedRoutes().filter(r -> !r.method().equals("GET") && !under(r, VIEWER_POSTS));
  }

  @Test
  void theRouterIsReadWhole() {
    assertThat(everyRoute().map(Route::toString))
        .contains(
            "GET /",
            "GET /parts/board",
            "GET /tasks/{id}",
            "GET /tasks/{id}/parts/main",
            "GET /projects",
            "GET /events",
            "POST /v1/chat/completions",
            "GET /assets/{name}",
            "POST /api/v1/server/tasks/{id}/help");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peoplesRoutes")
  void anAgentKeyGets403OffItsOwnPaths(Route route) {
    for (Fixtures.Agent agent : List.of(owner, stranger)) {
      Api.Reply reply = call(route, Api.at(NovaServer.baseUrl()).with("X-API-Key", agent.key()));
      assertThat(reply.status()).as("%s -> %s", route, reply.body()).isEqualTo(403);
      assertThat(reply.body()).as("nothing of the task leaks").doesNotContain(secret);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guardedRoutes")
  void nobodyAndWrongCredentialsGetNothing(Route route) {
    Api.Reply anonymous = call(route, Api.anonymous());
    if (route.path().startsWith("/api/")
        || route.path().startsWith("/v1/")
        || route.path().equals("/events")) {
      assertThat(anonymous.status()).as("%s -> %s", route, anonymous.body()).isEqualTo(401);
    } else {
      // A page sends a browser to the login page; a part asks htmx to go there.
      assertThat(anonymous.status()).as("%s -> %s", route, anonymous.body()).isIn(303, 401);
      assertThat(
              anonymous.header(anonymous.status() == 303 ? "Location" : "HX-Redirect").orElse(""))
          .endsWith("/login");
    }
    assertThat(anonymous.body()).doesNotContain(secret);
    for (Api wrong :
        List.of(
            Api.anonymous().with("X-API-Key", "sk-nova-wrong"),
            Api.anonymous().with("X-Admin-Secret", "wrong"))) {
      Api.Reply reply = call(route, wrong);
      assertThat(reply.status()).as("%s -> %s", route, reply.body()).isEqualTo(401);
    }
  }

  static Stream<Route> reads() {
    return guardedRoutes().filter(r -> r.method().equals("GET") && !r.path().equals(EVENTS));
  }

  /**
   * Refusals come from the guard, not from a missing body or an unknown id: an admin passes it
   * everywhere.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("peoplesRoutes")
  void anAdminIsLetThroughEveryPeoplesRoute(Route route) {
    if (route.path().equals(EVENTS)) return;
    // a change acts on a task of its own, so that no call here alters the task the others look at
    Api.Reply reply =
        call(route, Api.admin(), route.method().equals("GET") ? task : Fixtures.task(owner));
    assertThat(reply.status())
        .as("%s -> %s", route, reply.body())
        .isNotIn(401, 403)
        .isLessThan(500);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void aViewerReadsEverythingButAdminsAndAgentsReads(Route route) {
    Api.Reply reply = call(route, Api.anonymous().with("X-API-Key", viewerKey));
    if (under(route, ADMIN_READS) || under(route, AGENT)) {
      assertThat(reply.status()).as("%s -> %s", route, reply.body()).isEqualTo(403);
    } else {
      assertThat(reply.status())
          .as("%s -> %s", route, reply.body())
          .isNotIn(401, 403)
          .isLessThan(500);
    }
  }

  static Stream<Route> agentsRoutes() {
    return everyRoute().filter(r -> under(r, AGENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agentsRoutes")
  void theTasksOwnAgentIsLetThroughItsPaths(Route route) {
    Api.Reply reply =
        call(
            route,
            Api.at(NovaServer.baseUrl()).with("X-API-Key", owner.key()),
            route.method().equals("GET") ? task : Fixtures.task(owner));
    assertThat(reply.status())
        .as("%s -> %s", route, reply.body())
        .isNotIn(401, 403)
        .isLessThan(500);
  }

  @Test
  void theEventStreamLetsPeopleInAndKeepsAgentsOut() throws Exception {
    try (EventStream stream =
        EventStream.open(NovaServer.baseUrl(), null, "X-API-Key", viewerKey)) {
      assertThat(stream).isNotNull();
    }
    assertThat(Api.at(NovaServer.baseUrl()).with("X-API-Key", owner.key()).get(EVENTS).status())
        .isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void aViewerChangesNothing(Route route) {
    Api.Reply reply = call(route, Api.anonymous().with("X-API-Key", viewerKey));
    assertThat(reply.status()).as("%s -> %s", route, reply.body()).isEqualTo(403);
  }

  private static boolean under(Route route, List<String> prefixes) {
    return prefixes.stream()
        .anyMatch(
            p -> route.path().equals(p) || route.path().startsWith(p.endsWith("/") ? p : p + "/"));
  }

  /**
   * The route with each path parameter filled (the task's id where one fits) and an empty body of
   * the type it takes.
   */
  private static Api.Reply call(Route route, Api api) {
    return call(route, api, task);
  }

  private static Api.Reply call(Route route, Api api, String taskId) {
    String path = route.path().replace("{action}", "cancel").replaceAll("\\{[^}]+}", taskId);
    HttpRequest.Builder request = api.request(path);
    if (route.method().equals("GET") || route.method().equals("DELETE")) {
      return api.send(request.method(route.method(), HttpRequest.BodyPublishers.noBody()));
    }
    boolean form =
        route.consumes().stream()
            .anyMatch(t -> t.toString().equals("application/x-www-form-urlencoded"));
    return api.send(
        request
            .header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json")
            .method(route.method(), HttpRequest.BodyPublishers.ofString(form ? "" : "{}")));
  }
}
