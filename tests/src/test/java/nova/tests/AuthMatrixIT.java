package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: nobody, a wrong key, a viewer, an agent, another
 * server's agent.
 */
class AuthMatrixIT {
  enum Kind {
    HUMAN_READ,
    HUMAN_ACT,
    AGENT
  }

  record Endpoint(String method, String path, Object body, Kind kind) {
    Api.Reply call(Api api, Map<String, String> ids) {
      String p = fill(path, ids);
      return switch (method) {
        case "GET" -> api.get(p);
        case "DELETE" -> api.delete(p);
        case "POST" -> api.post(p, fill(json(body), ids));
        default -> api.send(method, p, fill(json(body), ids));
      };
    }

    private static String fill(String template, Map<String, String> ids) {
      for (var id : ids.entrySet())
        template = template.replace("{" + id.getKey() + "}", id.getValue());
      return template;
    }

    private static String json(Object body) {
      try {
        return Api.JSON.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final Map<String, Object> TEXT = Map.of("text", "words");
  static Map<String, String> ids;
  static Fixtures.Agent owner;
  static Fixtures.Agent stranger;
  static String viewerKey;

  static Stream<Endpoint> endpoints() {
    return Stream.of(
        new Endpoint("GET", "/api/v1/projects", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/keys", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/users", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/tasks", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/tasks/{task}", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/tasks/{task}/history", null, Kind.HUMAN_READ),
        new Endpoint(
            "POST", "/api/v1/projects", Map.of("name", Fixtures.unique("p")), Kind.HUMAN_ACT),
        new Endpoint(
            "POST", "/api/v1/registration-tokens", Map.of("project", "{project}"), Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/keys", Map.of("name", "k"), Kind.HUMAN_ACT),
        new Endpoint("DELETE", "/api/v1/keys/{key}", null, Kind.HUMAN_ACT),
        new Endpoint(
            "POST",
            "/api/v1/users",
            Map.of(
                "username", Fixtures.unique("u"), "password", "long enough pw", "role", "viewer"),
            Kind.HUMAN_ACT),
        new Endpoint("PATCH", "/api/v1/users/{user}", Map.of("role", "admin"), Kind.HUMAN_ACT),
        new Endpoint(
            "PUT",
            "/api/v1/users/{user}/password",
            Map.of("password", "another long password"),
            Kind.HUMAN_ACT),
        new Endpoint("DELETE", "/api/v1/users/{user}", null, Kind.HUMAN_ACT),
        new Endpoint(
            "POST",
            "/api/v1/tasks",
            Map.of("title", "t", "spec", "s", "project", "{project}"),
            Kind.HUMAN_ACT),
        new Endpoint(
            "POST", "/api/v1/tasks/{task}/assign", Map.of("server", "{server}"), Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/tasks/{task}/cancel", Map.of(), Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/tasks/{task}/plan/approve", Map.of(), Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/tasks/{task}/plan/revise", TEXT, Kind.HUMAN_ACT),
        new Endpoint(
            "POST", "/api/v1/tasks/{task}/interventions/{task}/respond", TEXT, Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/tasks/{task}/review/approve", Map.of(), Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/tasks/{task}/review/request-changes", TEXT, Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/tasks/{task}/notes", Map.of("content", "n"), Kind.HUMAN_ACT),
        new Endpoint("GET", "/api/v1/memories", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/memories/stats", null, Kind.HUMAN_READ),
        new Endpoint("GET", "/api/v1/memories/models", null, Kind.HUMAN_READ),
        new Endpoint(
            "POST",
            "/api/v1/memories/search",
            Map.of("query", "words", "mode", "keyword"),
            Kind.HUMAN_READ),
        new Endpoint(
            "POST",
            "/api/v1/memories",
            Map.of("content", "a memory", "scope", "global"),
            Kind.HUMAN_ACT),
        new Endpoint(
            "POST",
            "/api/v1/memories/batch",
            Map.of("items", List.of(Map.of("content", "a memory", "scope", "global"))),
            Kind.HUMAN_ACT),
        new Endpoint(
            "POST",
            "/api/v1/memories/models/switch",
            Map.of("model", "local/builtin-embed"),
            Kind.HUMAN_ACT),
        new Endpoint("POST", "/api/v1/memories/models/switch/cancel", Map.of(), Kind.HUMAN_ACT),
        new Endpoint("GET", "/api/v1/server/tasks", null, Kind.AGENT),
        new Endpoint("GET", "/api/v1/server/tasks/{task}", null, Kind.AGENT),
        new Endpoint("POST", "/api/v1/server/tasks/{task}/start", Map.of(), Kind.AGENT),
        new Endpoint("POST", "/api/v1/server/tasks/{task}/plan", TEXT, Kind.AGENT),
        new Endpoint("POST", "/api/v1/server/tasks/{task}/help", TEXT, Kind.AGENT),
        new Endpoint("POST", "/api/v1/server/tasks/{task}/submit", Map.of(), Kind.AGENT),
        new Endpoint("POST", "/api/v1/server/tasks/{task}/complete", Map.of(), Kind.AGENT),
        new Endpoint("POST", "/api/v1/server/tasks/{task}/fail", TEXT, Kind.AGENT),
        new Endpoint(
            "POST", "/api/v1/server/tasks/{task}/notes", Map.of("content", "n"), Kind.AGENT));
  }

  @BeforeAll
  static void world() {
    owner = Fixtures.agent(true);
    stranger = Fixtures.agent(owner.projectName());
    Api.Reply key =
        Api.admin().post("/api/v1/keys", Map.of("name", "viewer-key", "role", "viewer"));
    viewerKey = key.text("key");
    Api.Reply spare = Api.admin().post("/api/v1/keys", Map.of("name", "spare"));
    Api.Reply user =
        Api.admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "username",
                    Fixtures.unique("matrix"),
                    "password",
                    "long enough pw",
                    "role",
                    "viewer"));
    ids =
        Map.of(
            "task",
            Fixtures.task(owner),
            "project",
            owner.projectName(),
            "server",
            owner.serverName(),
            "key",
            spare.text("id"),
            "user",
            user.text("id"));
  }

  static Stream<Arguments> everyEndpoint() {
    return endpoints().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEndpoint")
  void nobodyAndWrongCredentialsGet401(Endpoint endpoint) {
    assertStatus(endpoint, Api.anonymous(), 401);
    assertStatus(endpoint, Api.key("sk-nova-not-a-real-key"), 401);
    assertStatus(endpoint, Api.anonymous().with("X-Api-Key", "sk-nova-wrong"), 401);
    assertStatus(endpoint, Api.anonymous().with("X-Admin-Secret", "wrong"), 401);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEndpoint")
  void aViewerSeesEverythingAndActsOnNothing(Endpoint endpoint) {
    Api viewer = Api.key(viewerKey);
    switch (endpoint.kind()) {
      case HUMAN_READ -> assertThat(endpoint.call(viewer, ids).status()).isEqualTo(200);
      case HUMAN_ACT, AGENT -> assertStatus(endpoint, viewer, 403);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEndpoint")
  void agentKeysActOnlyOnTheirOwnServersTasks(Endpoint endpoint) {
    if (endpoint.kind() != Kind.AGENT) {
      assertStatus(endpoint, owner.api(), 403);
      return;
    }
    assertStatus(endpoint, Api.admin(), 403);
    if (endpoint.path().contains("{task}")) {
      assertStatus(endpoint, stranger.api(), 403);
    } else {
      assertThat(endpoint.call(stranger.api(), ids).body()).doesNotContain(ids.get("task"));
    }
  }

  private static void assertStatus(Endpoint endpoint, Api api, int status) {
    Api.Reply reply = endpoint.call(api, ids);
    assertThat(reply.status()).as("%s -> %s", endpoint, reply.body()).isEqualTo(status);
    assertThat(reply.json().path("error").asText()).as("error message").isNotBlank();
  }
}
