package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person's own account: changing the password and logging out everywhere end their other
 * sessions.
 */
class AccountIT {
  private static final String PASSWORD = "first password";

  @Test
  void aNewPasswordEndsEveryOtherSessionAndKeepsThisOne() throws Exception {
    String name = person();
    Session here = Session.login(name, PASSWORD);
    Session elsewhere = Session.login(name, PASSWORD);
    Session.login("admin", NovaServer.ADMIN_PASSWORD); // another person's session is none of this

    HttpResponse<String> changed =
        here.post(
            "/account/password",
            "current="
                + Session.enc(PASSWORD)
                + "&password="
                + Session.enc("second password")
                + "&repeat="
                + Session.enc("second password"));

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    assertThat(changed.headers().firstValue("HX-Redirect")).hasValue("/account?done=password");
    Session renewed = Session.of(Session.sessionCookie(changed));
    assertThat(renewed.valid()).isTrue();
    assertThat(here.valid()).as("the session that asked, under its old cookie").isFalse();
    assertThat(elsewhere.valid()).isFalse();
    assertThat(renewed.api().get("/account?done=password").body()).contains("Password changed");
    assertThat(Session.attempt(name, PASSWORD).statusCode()).isEqualTo(401);
    assertThat(Session.login(name, "second password").valid()).isTrue();
  }

  @Test
  void loggingOutEverywhereElseEndsTheOtherSessions() throws Exception {
    String name = person();
    Session here = Session.login(name, PASSWORD);
    Session elsewhere = Session.login(name, PASSWORD);

    HttpResponse<String> revoked = here.post("/account/sessions/revoke", "");

    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(Session.of(Session.sessionCookie(revoked)).valid()).isTrue();
    assertThat(elsewhere.valid()).isFalse();
    assertThat(Session.login(name, PASSWORD).valid()).as("the password still works").isTrue();
  }

  @Test
  void aRefusedChangeSaysWhyAndChangesNothing() throws Exception {
    String name = person();
    Session here = Session.login(name, PASSWORD);

    assertRefused(
        here.post(
            "/account/password",
            "current=wrong+password&password=second+password&repeat=second+password"),
        400,
        "the current password is wrong");
    assertRefused(
        here.post(
            "/account/password",
            "current=" + Session.enc(PASSWORD) + "&password=short&repeat=short"),
        400,
        "at least 10 characters");
    assertRefused(
        here.post(
            "/account/password",
            "current=" + Session.enc(PASSWORD) + "&password=second+password&repeat=third+password"),
        400,
        "differ");
    Api.Reply forged =
        here.api()
            .with("HX-Request", "true")
            .send(
                here.api()
                    .request("/account/sessions/revoke")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("")));
    assertThat(forged.status()).as("no CSRF token").isEqualTo(403);

    assertThat(here.valid()).isTrue();
    assertThat(Session.login(name, PASSWORD).valid()).isTrue();
  }

  @Test
  void withoutASessionTheAccountPageSendsToTheLoginPage() {
    Api.Reply page = Api.anonymous().get("/account");
    assertThat(page.status()).isEqualTo(303);
  }

  private static void assertRefused(HttpResponse<String> reply, int status, String reason) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
    assertThat(reply.body()).contains(reason);
    assertThat(reply.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("nova_session="));
  }

  private static String person() {
    String name = Fixtures.unique("person");
    assertThat(
            Api.admin()
                .post(
                    "/api/v1/users",
                    Map.of("username", name, "password", PASSWORD, "role", "viewer"))
                .status())
        .isEqualTo(201);
    return name;
  }
}
