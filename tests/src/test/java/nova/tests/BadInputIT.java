package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nova.web.platform.Database;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx that says what is wrong, and leaves nothing half-written. */
class BadInputIT {
  @Test
  void unknownIdsAre404() {
    Fixtures.Agent agent = Fixtures.agent(true);
    String missing = UUID.randomUUID().toString();
    assertError(
        Api.admin().get("/api/v1/tasks/" + missing), 404, "task " + missing + " does not exist");
    assertError(
        Api.admin().post("/api/v1/tasks/" + missing + "/plan/approve", Map.of()),
        404,
        "does not exist");
    assertError(
        Api.admin().post("/api/v1/tasks/" + missing + "/plan/revise", Map.of()),
        404,
        "does not exist");
    assertError(
        Api.admin()
            .post("/api/v1/tasks/" + missing + "/review/request-changes", Map.of("text", "c")),
        404,
        "does not exist");
    assertError(agent.api().get("/api/v1/server/tasks/" + missing), 404, "does not exist");
    assertError(Api.admin().delete("/api/v1/keys/" + missing), 404, "does not exist");
    assertError(
        Api.admin()
            .post("/api/v1/tasks", Map.of("title", "t", "spec", "s", "project", "no-such-project")),
        404,
        "project no-such-project");
    String task = Fixtures.task(agent);
    assertError(
        Api.admin()
            .post(
                "/api/v1/tasks/" + task + "/interventions/" + missing + "/respond",
                Map.of("text", "a")),
        404,
        "intervention");
  }

  @Test
  void malformedJsonAndMissingFieldsAre400NamingTheField() {
    Api admin = Api.admin();
    assertError(admin.post("/api/v1/projects", "{\"name\": "), 400, "malformed JSON");
    assertError(admin.post("/api/v1/projects", "[1, 2]"), 400, "JSON object");
    assertError(admin.post("/api/v1/projects", "{}"), 400, "name must not be blank");
    assertError(admin.post("/api/v1/projects", ""), 400, "");
    assertError(
        admin.post("/api/v1/projects", "{\"name\": \"x\", \"colour\": \"red\"}"),
        400,
        "unknown field 'colour'");
    assertError(
        admin.post("/api/v1/projects", "{\"name\": \"x\", \"require_plan_approval\": \"perhaps\"}"),
        400,
        "require_plan_approval");
    Api.Reply missingTitle = admin.post("/api/v1/tasks", Map.of("spec", "s", "project", "p"));
    assertError(missingTitle, 400, "title must not be blank");
    assertThat(missingTitle.json().path("detail").path("fields").has("title")).isTrue();
    assertError(admin.get("/api/v1/tasks?status=sleeping"), 400, "unknown status 'sleeping'");
    Fixtures.Agent agent = Fixtures.agent(true);
    String task = Fixtures.task(agent);
    assertError(
        agent.api().post("/api/v1/server/tasks/" + task + "/plan", Map.of()),
        400,
        "text is required");
    assertThat(Fixtures.status(task)).isEqualTo("planning");
  }

  @Test
  void bodiesOverOneMebibyteAre413() {
    String big = "{\"name\": \"" + "x".repeat((1 << 20) + 10) + "\"}";
    assertError(Api.admin().post("/api/v1/projects", big), 413, "larger than 1 MiB");
    Api.Reply chunked =
        Api.admin()
            .send(
                Api.admin()
                    .request("/api/v1/projects")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(big.getBytes()))));
    assertError(chunked, 413, "larger than 1 MiB");
  }

  @Test
  void invalidTransitionsAre409WithTheStateAndTheActionsAllowedNow() {
    Fixtures.Agent agent = Fixtures.agent(true);
    String task = Fixtures.task(agent);
    Api.Reply refused = Api.admin().post("/api/v1/tasks/" + task + "/review/approve", Map.of());
    assertError(refused, 409, "'approve_review' is not allowed while the task is planning");
    assertThat(refused.json().path("detail").path("status").asText()).isEqualTo("planning");
    assertThat(refused.json().path("detail").path("allowed_actions").toString()).contains("cancel");
    assertError(
        agent.api().post("/api/v1/server/tasks/" + task + "/start", Map.of()),
        409,
        "not allowed while the task is planning");
    assertThat(Api.admin().get("/api/v1/tasks/" + task).json().path("events")).hasSize(3);
  }

  @Test
  void aRefusedRegistrationLeavesTheTokenUnusedAndNothingStored() {
    Fixtures.Agent first = Fixtures.agent(true);
    String token =
        Api.admin()
            .post("/api/v1/registration-tokens", Map.of("project", first.projectName()))
            .text("token");
    Api.Reply taken =
        Api.anonymous()
            .post("/api/v1/server/register", Map.of("token", token, "name", first.serverName()));
    assertError(taken, 409, "has a server named");
    Api.Reply retry =
        Api.anonymous()
            .post(
                "/api/v1/server/register",
                Map.of("token", token, "name", Fixtures.unique("other")));
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertError(
        Api.anonymous()
            .post(
                "/api/v1/server/register",
                Map.of("token", token, "name", Fixtures.unique("third"))),
        401,
        "already used");
    assertError(
        Api.anonymous()
            .post("/api/v1/server/register", Map.of("token", token, "name", "bad name!")),
        400,
        "name must be letters");
  }

  @Test
  void duplicatesAndRevokedKeysAreRefused() {
    String project = Fixtures.project(false);
    assertError(
        Api.admin().post("/api/v1/projects", Map.of("name", project)), 409, "exists already");
    Api.Reply key = Api.admin().post("/api/v1/keys", Map.of("name", "short-lived"));
    assertThat(Api.key(key.text("key")).get("/api/v1/projects").status()).isEqualTo(200);
    assertThat(Api.admin().delete("/api/v1/keys/" + key.text("id")).status()).isEqualTo(204);
    assertError(Api.key(key.text("key")).get("/api/v1/projects"), 401, "revoked");
    assertError(Api.admin().delete("/api/v1/keys/" + key.text("id")), 409, "revoked already");
    assertError(
        Api.admin().post("/api/v1/keys", Map.of("name", "x", "role", "agent")),
        400,
        "role must be admin or viewer");
  }

  /**
   * Nova remembers an active key for a few seconds; a revoke it did not make itself still ends the
   * key within that time.
   */
  @Test
  void aKeyRevokedBeneathNovaStopsWorkingWithinSeconds() throws InterruptedException {
    Api.Reply key = Api.admin().post("/api/v1/keys", Map.of("name", "revoked-beneath"));
    Api holder = Api.key(key.text("key"));
    assertThat(holder.get("/api/v1/projects").status()).isEqualTo(200);
    Database db = Fixtures.database();
    try {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE api_keys SET revoked_at = now() WHERE id = ?::uuid", key.text("id")));
    } finally {
      db.stop();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status = holder.get("/api/v1/projects").status();
    }
    assertError(holder.get("/api/v1/projects"), 401, "revoked");
  }

  static void assertError(Api.Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("error").asText()).as(reply.body()).contains(message);
    assertThat(reply.json().has("detail")).as(reply.body()).isTrue();
  }
}
