package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The audit log: who got in, who was kept out and who changed access, with where from and when; for
 * admins only.
 */
class SecurityEventsIT {
  @Test
  void signInsFailuresAndSignOutsAreLoggedWithTheirAddress() throws Exception {
    String stranger = Fixtures.unique("nobody");
    assertThat(Session.attempt(stranger, "not-the-password").statusCode()).isEqualTo(401);
    JsonNode failed =
        await("sign_in_failed", e -> e.path("actor").asText().equals("admin:" + stranger));
    assertThat(failed.path("address").asText()).isEqualTo("127.0.0.1");
    assertThat(failed.path("detail").path("known_user").asBoolean()).isFalse();
    assertThat(failed.path("at").asText()).isNotBlank();

    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    JsonNode signIn = await("sign_in", e -> e.path("actor").asText().equals("admin:admin"));
    assertThat(signIn.path("detail").path("user_agent").asText()).isNotBlank();
    long after = signIn.path("id").asLong();
    assertThat(admin.form("/logout", "", true).status()).isEqualTo(303);
    await(
        "sign_out",
        e -> e.path("actor").asText().equals("admin:admin") && e.path("id").asLong() > after);
  }

  @Test
  void keyUserAndRegistrationChangesAreLogged() {
    String keyName = Fixtures.unique("audited-key");
    Api.Reply key = Api.admin().post("/api/v1/keys", Map.of("name", keyName, "role", "viewer"));
    assertThat(key.status()).isEqualTo(201);
    await(
        "key_created",
        e ->
            e.path("detail").path("name").asText().equals(keyName)
                && e.path("actor").asText().equals("admin-secret"));
    assertThat(Api.admin().delete("/api/v1/keys/" + key.text("id")).status()).isBetween(200, 204);
    await("key_revoked", e -> e.path("detail").path("name").asText().equals(keyName));

    String username = Fixtures.unique("audited");
    Api.Reply user =
        Api.admin()
            .post(
                "/api/v1/users",
                Map.of("username", username, "password", "a-long-password", "role", "viewer"));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    String id = user.text("id");
    await("user_created", e -> e.path("detail").path("username").asText().equals(username));
    Api.admin().send("PATCH", "/api/v1/users/" + id, Map.of("role", "admin"));
    await(
        "user_role_changed",
        e ->
            e.path("detail").path("username").asText().equals(username)
                && e.path("detail").path("to").asText().equals("admin"));
    Api.admin()
        .send(
            "PUT",
            "/api/v1/users/" + id + "/password",
            Map.of("password", "another-long-password"));
    await("user_password_set", e -> e.path("detail").path("username").asText().equals(username));
    Api.admin().delete("/api/v1/users/" + id);
    await("user_removed", e -> e.path("detail").path("username").asText().equals(username));

    Fixtures.Agent agent = Fixtures.agent(false);
    await(
        "registration_token_issued",
        e -> e.path("detail").path("project").asText().equals(agent.projectName()));
    await(
        "registration_token_used",
        e -> e.path("actor").asText().equals("server:" + agent.serverName()));
    Api.anonymous()
        .post(
            "/api/v1/server/register",
            Map.of("token", "rt-not-a-token", "name", "intruder", "capabilities", List.of()));
    await("registration_refused", e -> e.path("actor").asText().equals("server:intruder"));
  }

  @Test
  void everyRefusalIsLoggedAndOnlyAdminsReadTheLog() {
    Fixtures.Agent agent = Fixtures.agent(false);
    assertThat(agent.api().get("/api/v1/projects").status()).isEqualTo(403);
    JsonNode refused =
        await("forbidden", e -> e.path("actor").asText().equals("server:" + agent.serverName()));
    assertThat(refused.path("detail").path("path").asText()).isEqualTo("/api/v1/projects");
    assertThat(refused.path("detail").path("reason").asText()).contains("agent keys");

    assertThat(Api.anonymous().with("X-Admin-Secret", "wrong").get("/api/v1/projects").status())
        .isEqualTo(401);
    await(
        "credentials_refused",
        e -> e.path("detail").path("reason").asText().contains("X-Admin-Secret"));

    String viewer =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", Fixtures.unique("audit-viewer"), "role", "viewer"))
            .text("key");
    Api viewerApi = Api.anonymous().with("X-API-Key", viewer);
    assertThat(viewerApi.get("/api/v1/security-events").status())
        .as("a viewer may not read the log")
        .isEqualTo(403);
    assertThat(viewerApi.get("/security").status()).isEqualTo(403);
    assertThat(agent.api().get("/api/v1/security-events").status()).isEqualTo(403);
    assertThat(Api.anonymous().get("/api/v1/security-events").status()).isEqualTo(401);

    Api.Reply page = Api.admin().get("/security");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Audit log", "forbidden", "server:" + agent.serverName());
    assertThat(Api.admin().get("/api/v1/security-events?limit=0").status()).isEqualTo(400);
    assertThat(
            Api.admin()
                .get("/api/v1/security-events?before=yesterday")
                .json()
                .path("error")
                .asText())
        .contains("before must be a whole number");
    assertThat(Api.admin().get("/api/v1/security-events?kind=DROP%20TABLE").status())
        .isEqualTo(400);
    JsonNode firstPage = Api.admin().get("/api/v1/security-events?limit=2").json();
    long next = firstPage.path("next_before").asLong();
    JsonNode secondPage = Api.admin().get("/api/v1/security-events?limit=2&before=" + next).json();
    assertThat(secondPage.path("events").get(0).path("id").asLong())
        .as("the next page goes on below the first")
        .isLessThan(next);
  }

  /** The newest event of the kind that matches, once the log's writer has stored it. */
  private static JsonNode await(String kind, Predicate<JsonNode> match) {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonNode e :
          Api.admin().get("/api/v1/security-events?limit=200&kind=" + kind).json().path("events")) {
        if (match.test(e)) return e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new AssertionError(ex);
      }
    }
    throw new AssertionError("no " + kind + " event that matches within 15 s");
  }
}
