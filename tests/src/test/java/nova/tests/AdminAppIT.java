package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The admin app over HTTP: login, CSRF, roles, and the task page with its Temporal history. */
class AdminAppIT {
  @Test
  void theBoardNeedsALogin() {
    Api.Reply board = Api.anonymous().get("/");
    assertThat(board.status()).isEqualTo(303);
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    assertThat(Api.anonymous().get("/login").status()).isEqualTo(200);
    Assertions.assertThatThrownBy(() -> Session.login("admin", "wrong password"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void theAdminActsFromTheTaskPageAndEveryFormNeedsTheCsrfToken() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(true);
    String id = Fixtures.taskInPlanReview(agent);
    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);

    Api.Reply page = admin.api().get("/tasks/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "1. read 2. change 3. test",
            "approve plan",
            "workflow execution started",
            "http://temporal-ui.test:8233/namespaces/default/workflows/task-" + id);

    Api.Reply forged = admin.form("/tasks/" + id + "/actions/approve_plan", "text=", false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    assertThat(Fixtures.status(id)).isEqualTo("plan_review");

    Api.Reply revise = admin.form("/tasks/" + id + "/actions/revise_plan", "text=", true);
    assertThat(revise.status()).isEqualTo(400);
    assertThat(revise.body()).contains("what should change");

    Api.Reply approved = admin.form("/tasks/" + id + "/actions/approve_plan", "text=", true);
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.body()).contains("data-status=\"running\"");
    assertThat(Fixtures.status(id)).isEqualTo("running");

    Api.Reply noted =
        admin.form("/tasks/" + id + "/actions/add_note", "text=mind+the+migration", true);
    assertThat(noted.status()).as(noted.body()).isEqualTo(200);
    assertThat(noted.body()).contains("mind the migration", "admin:admin");
    assertThat(admin.form("/tasks/" + id + "/actions/add_note", "text=", true).status())
        .isEqualTo(400);

    Api.Reply again = admin.form("/tasks/" + id + "/actions/approve_plan", "text=", true);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("not allowed while the task is running");
  }

  @Test
  void fiveWrongPasswordsLockAnAccountForAWhileWithoutLockingOutOthers() throws Exception {
    String name = Fixtures.unique("guessed");
    assertThat(
            Api.admin()
                .post(
                    "/api/v1/users",
                    Map.of("username", name, "password", "right password", "role", "viewer"))
                .status())
        .isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      assertThat(Session.attempt(name, "guess " + i).statusCode()).isEqualTo(401);
    }

    var locked = Session.attempt(name, "right password");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body())
        .contains("Too many failed logins")
        .contains("try again in 15 minutes");
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 900L);
    assertThat(locked.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("nova_session="));
    assertThat(Session.login("admin", NovaServer.ADMIN_PASSWORD).cookie())
        .startsWith("nova_session=");
  }

  @Test
  void aSuccessfulLoginForgetsEarlierFailures() throws Exception {
    String name = Fixtures.unique("forgetful");
    assertThat(
            Api.admin()
                .post(
                    "/api/v1/users",
                    Map.of("username", name, "password", "right password", "role", "viewer"))
                .status())
        .isEqualTo(201);
    for (int i = 0; i < 4; i++)
      assertThat(Session.attempt(name, "typo " + i).statusCode()).isEqualTo(401);
    assertThat(Session.attempt(name, "right password").statusCode()).isEqualTo(303);

    for (int i = 0; i < 4; i++)
      assertThat(Session.attempt(name, "typo again " + i).statusCode()).isEqualTo(401);
    assertThat(Session.attempt(name, "right password").statusCode()).isEqualTo(303);
  }

  @Test
  void aTaskAwaitingAPersonStaysOnTheBoardHoweverManyTasksMovedSince() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(true);
    String waiting = Fixtures.taskInPlanReview(agent);
    String title =
        Api.admin().get("/api/v1/tasks/" + waiting).json().path("task").path("title").asText();
    // Finished tasks straight into the projection: the board reads PostgreSQL only, and final tasks
    // have no workflow to resume.
    var database = Fixtures.database();
    try {
      database
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      """
                      INSERT INTO tasks (id, project_id, title, spec, status, version, created_by, created_at, updated_at)
                      SELECT gen_random_uuid(), CAST(? AS uuid), 'finished ' || n, 's', 'cancelled', 1, 'admin', now(), now() + interval '1 second'
                      FROM generate_series(1, 120) AS n\
                      """,
                      Fixtures.projectId(agent.projectName())));
    } finally {
      database.stop();
    }

    String board = Session.login("admin", NovaServer.ADMIN_PASSWORD).api().get("/").body();

    assertThat(board).contains(title);
    long cancelled = Api.admin().get("/api/v1/tasks?status=cancelled&limit=1000").json().size();
    assertThat(board).contains("The newest 100 of " + cancelled);
  }

  @Test
  void aViewerSeesTheTaskPageButCannotAct() throws Exception {
    String name = Fixtures.unique("viewer");
    assertThat(
            Api.admin()
                .post(
                    "/api/v1/users",
                    Map.of("username", name, "password", "viewer password", "role", "viewer"))
                .status())
        .isEqualTo(201);
    Fixtures.Agent agent = Fixtures.agent(true);
    String id = Fixtures.taskInPlanReview(agent);
    Session viewer = Session.login(name, "viewer password");
    Api.Reply page = viewer.api().get("/tasks/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("plan review").doesNotContain("action-approve_plan");
    assertThat(viewer.form("/tasks/" + id + "/actions/approve_plan", "text=", true).status())
        .isEqualTo(403);
    assertThat(
            viewer
                .api()
                .with("X-CSRF-Token", viewer.csrf())
                .post("/api/v1/tasks/" + id + "/plan/approve", Map.of())
                .status())
        .isEqualTo(403);
    assertThat(Fixtures.status(id)).isEqualTo("plan_review");
  }

  @Test
  void theHistoryEndpointIsTemporalsOwnExport() {
    Fixtures.Agent agent = Fixtures.agent(true);
    String id = Fixtures.taskInPlanReview(agent);
    Api.Reply history = Api.admin().get("/api/v1/tasks/" + id + "/history");
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().path("runs").size()).as("one run so far").isEqualTo(1);
    assertThat(history.json().path("runs").get(0).path("run_id").asText()).isNotBlank();
    assertThat(history.json().path("runs").get(0).path("events").get(0).path("eventType").asText())
        .contains("WORKFLOW_EXECUTION_STARTED");
    assertThat(history.body()).contains("submitPlan");
  }

  @Test
  void assetsAreServed() {
    HttpResponse<String> htmx = rawGet("/assets/htmx.min.js");
    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.body()).contains("htmx");
    assertThat(rawGet("/assets/nova.css").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> rawGet(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(NovaServer.baseUrl() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
