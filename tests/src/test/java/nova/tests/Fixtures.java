package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.web.platform.Database;

/** Projects, registered servers and tasks in a given state, made through the public API only. */
public final class Fixtures {
  private Fixtures() {}

  public record Agent(String projectName, String serverId, String serverName, String key) {
    public Api api() {
      return Api.key(key);
    }
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static String project(boolean requirePlanApproval) {
    String name = unique("project");
    Api.Reply reply =
        Api.admin()
            .post(
                "/api/v1/projects",
                Map.of("name", name, "require_plan_approval", requirePlanApproval));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return name;
  }

  public static Agent agent(String project) {
    Api.Reply token = Api.admin().post("/api/v1/registration-tokens", Map.of("project", project));
    assertThat(token.status()).as(token.body()).isEqualTo(201);
    String name = unique("server");
    Api.Reply registered =
        Api.anonymous()
            .post(
                "/api/v1/server/register",
                Map.of(
                    "token", token.text("token"), "name", name, "capabilities", List.of("java")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return new Agent(project, registered.text("server_id"), name, registered.text("api_key"));
  }

  public static Agent agent(boolean requirePlanApproval) {
    return agent(project(requirePlanApproval));
  }

  public static String task(Agent agent) {
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/tasks",
                Map.of(
                    "title",
                    unique("task"),
                    "spec",
                    "make it so",
                    "project",
                    agent.projectName(),
                    "server",
                    agent.serverName()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  public static String projectId(String projectName) {
    return Api.admin().get("/api/v1/projects").json().findParents("name").stream()
        .filter(p -> p.path("name").asText().equals(projectName))
        .findFirst()
        .orElseThrow()
        .path("id")
        .asText();
  }

  /** The test run's own PostgreSQL, for the few tests that look beneath the API. */
  public static Database database() {
    return migrated(
        new Database(
            System.getenv()
                .getOrDefault("DATABASE_URL", "postgresql://nova@127.0.0.1:55442/nova")));
  }

  /**
   * A database of its own on the test cluster, created empty and migrated, for tests that need to
   * own every row.
   */
  public static Database freshDatabase(String name) {
    return migrated(new Database(freshDatabaseUrl(name)));
  }

  private static Database migrated(Database database) {
    database.start();
    return database;
  }

  /**
   * Creates the database empty and returns its URL, for a Nova server process that migrates it
   * itself.
   */
  public static String freshDatabaseUrl(String name) {
    Database shared = database();
    try {
      shared
          .jdbi()
          .useHandle(
              h -> {
                h.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                h.execute("CREATE DATABASE " + name);
              });
    } finally {
      shared.stop();
    }
    String url =
        System.getenv().getOrDefault("DATABASE_URL", "postgresql://nova@127.0.0.1:55442/nova");
    return url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
  }

  public static String status(String taskId) {
    return Api.admin().get("/api/v1/tasks/" + taskId).json().path("task").path("status").asText();
  }

  /** Drives a plan-mode task to plan_review through the agent API. */
  public static String taskInPlanReview(Agent agent) {
    String id = task(agent);
    expect(
        agent
            .api()
            .post(
                "/api/v1/server/tasks/" + id + "/plan",
                Map.of("text", "1. read 2. change 3. test")),
        "plan_review");
    return id;
  }

  public static Api.Reply expect(Api.Reply reply, String status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("task").path("status").asText())
        .as(reply.body())
        .isEqualTo(status);
    return reply;
  }
}
