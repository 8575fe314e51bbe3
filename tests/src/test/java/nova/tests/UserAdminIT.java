package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An admin manages other people: their role, a new password, their removal; each takes effect on
 * their sessions at once.
 */
class UserAdminIT {
  private static final String PASSWORD = "first password";

  @Test
  void aRoleChangeActsOnTheOpenSession() throws Exception {
    String[] person = person("viewer");
    Session session = Session.login(person[1], PASSWORD);
    assertThat(session.form("/projects", "name=" + Fixtures.unique("p"), true).status())
        .as("a viewer can't act")
        .isEqualTo(403);

    Api.Reply promoted =
        Api.admin().send("PATCH", "/api/v1/users/" + person[0], Map.of("role", "admin"));

    assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
    assertThat(promoted.text("role")).isEqualTo("admin");
    assertThat(session.api().get("/api/v1/users").body())
        .contains("\"username\":\"" + person[1] + "\",\"role\":\"admin\"");
    assertThat(session.form("/projects", "name=" + Fixtures.unique("p"), true).status())
        .as("now an admin, same session")
        .isEqualTo(200);
  }

  @Test
  void aNewPasswordSetByAnAdminEndsTheirSessions() throws Exception {
    String[] person = person("admin");
    Session session = Session.login(person[1], PASSWORD);

    Api.Reply set =
        Api.admin()
            .send(
                "PUT",
                "/api/v1/users/" + person[0] + "/password",
                Map.of("password", "a second password"));

    assertThat(set.status()).as(set.body()).isEqualTo(204);
    assertThat(session.valid()).isFalse();
    assertThat(Session.attempt(person[1], PASSWORD).statusCode()).isEqualTo(401);
    assertThat(Session.login(person[1], "a second password").valid()).isTrue();
  }

  @Test
  void aRemovedPersonIsLoggedOutAndGone() throws Exception {
    String[] person = person("admin");
    Session session = Session.login(person[1], PASSWORD);

    assertThat(Api.admin().delete("/api/v1/users/" + person[0]).status()).isEqualTo(204);

    assertThat(session.valid()).isFalse();
    assertThat(Session.attempt(person[1], PASSWORD).statusCode()).isEqualTo(401);
    assertThat(Api.admin().get("/api/v1/users").body()).doesNotContain(person[1]);
    assertThat(Api.admin().delete("/api/v1/users/" + person[0]).status()).isEqualTo(404);
  }

  @Test
  void badRequestsSayWhatIsWrongAndChangeNothing() throws Exception {
    String[] person = person("viewer");
    String missing = UUID.randomUUID().toString();

    assertError(
        Api.admin().send("PATCH", "/api/v1/users/" + person[0], Map.of("role", "owner")),
        400,
        "must be admin or viewer");
    assertError(
        Api.admin()
            .send("PUT", "/api/v1/users/" + person[0] + "/password", Map.of("password", "short")),
        400,
        "password");
    assertError(
        Api.admin().send("PATCH", "/api/v1/users/" + missing, Map.of("role", "admin")),
        404,
        missing);
    assertError(
        Api.admin()
            .send(
                "PUT",
                "/api/v1/users/" + missing + "/password",
                Map.of("password", "long enough pw")),
        404,
        missing);
    assertError(
        Api.admin().send("PATCH", "/api/v1/users/not-a-uuid", Map.of("role", "admin")),
        404,
        "Invalid UUID string: not-a-uuid");
    assertThat(Session.login(person[1], PASSWORD).valid()).as("the password is unchanged").isTrue();
    assertThat(Api.admin().get("/api/v1/users").body())
        .contains("\"username\":\"" + person[1] + "\",\"role\":\"viewer\"");
  }

  @Test
  void theUsersPageManagesOthersButNotOneself() throws Exception {
    String[] me = person("admin");
    String[] other = person("viewer");
    Session session = Session.login(me[1], PASSWORD);

    String page = session.api().get("/users").body();
    assertThat(page)
        .contains("/users/" + other[0] + "/remove")
        .doesNotContain("/users/" + me[0] + "/remove")
        .contains("you: your account");

    Api.Reply promoted = session.form("/users/" + other[0] + "/role", "role=admin", true);
    assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
    assertThat(promoted.body()).contains("'" + other[1] + "' is now admin.");
    Api.Reply password =
        session.form(
            "/users/" + other[0] + "/password",
            "password=" + Session.enc("a third password"),
            true);
    assertThat(password.body()).contains("Password set for '" + other[1] + "'");
    assertThat(Session.login(other[1], "a third password").valid()).isTrue();

    Api.Reply self = session.form("/users/" + me[0] + "/remove", "", true);
    assertThat(self.status()).isEqualTo(409);
    assertThat(self.body()).contains("you can't remove yourself");
    assertThat(session.form("/users/" + other[0] + "/remove", "", false).status())
        .as("no CSRF token")
        .isEqualTo(403);
    Api.Reply removed = session.form("/users/" + other[0] + "/remove", "", true);
    assertThat(removed.body())
        .contains("Removed '" + other[1] + "'")
        .doesNotContain("<td>" + other[1] + "</td>");
    assertThat(session.valid()).isTrue();
  }

  private static void assertError(Api.Reply reply, int status, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("error").asText()).contains(message);
  }

  /** A new person's id and name. */
  private static String[] person(String role) {
    String name = Fixtures.unique("person");
    Api.Reply created =
        Api.admin()
            .post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "role", role));
    assertThat(created.status()).isEqualTo(201);
    return new String[] {created.text("id"), name};
  }
}
