package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nova.web.auth.Secrets;
import nova.web.platform.Database;
import org.junit.jupiter.api.Test;

/**
 * Sessions live on the server: logging out, idling and the lifetime end them there, and their open
 * event streams with them.
 */
class SessionsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void afterLogoutTheOldCookieIsRefusedAndItsOpenEventStreamCloses() throws Exception {
    Session session = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    assertThat(get("/api/v1/projects", session.cookie())).isEqualTo(200);
    try (EventStream stream =
        EventStream.open(NovaServer.baseUrl(), null, "Cookie", session.cookie())) {
      HttpResponse<String> out =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(NovaServer.baseUrl() + "/logout"))
                  .header("Cookie", session.cookie())
                  .header("X-CSRF-Token", session.csrf())
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(out.statusCode()).as(out.body()).isEqualTo(303);
      assertThat(get("/api/v1/projects", session.cookie()))
          .as("the same cookie, sent again after logout")
          .isEqualTo(401);
      assertThat(stream.endsWithin(5)).as("the logged-out session's event stream closes").isTrue();
    }
    assertThat(get("/api/v1/projects", Session.login("admin", NovaServer.ADMIN_PASSWORD).cookie()))
        .as("a new login works")
        .isEqualTo(200);
  }

  @Test
  void aSessionIdleForLongerThanTheIdleTimeEnds() throws Exception {
    Session session = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    assertThat(get("/api/v1/projects", session.cookie())).isEqualTo(200);
    sql(
        session,
        "UPDATE admin_sessions SET last_seen_at = now() - interval '8 hours 1 minute' WHERE id ="
            + " :id");
    assertThat(get("/api/v1/projects", session.cookie())).as("idle for 8 h").isEqualTo(401);
  }

  @Test
  void aSessionInUseStillEndsAtItsLifetime() throws Exception {
    Session session = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    sql(
        session,
        "UPDATE admin_sessions SET expires_at = now() - interval '1 second' WHERE id = :id");
    assertThat(get("/api/v1/projects", session.cookie())).as("past the 24 h cap").isEqualTo(401);
  }

  @Test
  void anEventStreamClosesWhenItsSessionEndsElsewhere() throws Exception {
    Session session = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    try (EventStream stream =
        EventStream.open(NovaServer.baseUrl(), null, "Cookie", session.cookie())) {
      // as another Nova server's logout would: only the row says so
      sql(session, "UPDATE admin_sessions SET revoked_at = now() WHERE id = :id");
      assertThat(stream.endsWithin(25))
          .as("closed by the periodic check of open streams' sessions")
          .isTrue();
    }
  }

  @Test
  void anEventStreamOpenedWithAKeyClosesWhenTheKeyIsRevoked() throws Exception {
    Api.Reply key =
        Api.admin()
            .post("/api/v1/keys", Map.of("name", Fixtures.unique("stream-key"), "role", "viewer"));
    try (EventStream stream =
        EventStream.open(NovaServer.baseUrl(), null, "X-API-Key", key.text("key"))) {
      assertThat(Api.admin().delete("/api/v1/keys/" + key.text("id")).status()).isEqualTo(204);
      assertThat(stream.endsWithin(25))
          .as("closed by the periodic check of open streams' credentials")
          .isTrue();
    }
  }

  private static int get(String path, String cookie) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(NovaServer.baseUrl() + path))
                .header("Cookie", cookie)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void sql(Session session, String update) {
    String token = session.cookie().substring(session.cookie().indexOf('=') + 1);
    Database database = Fixtures.database();
    try {
      int rows =
          database
              .jdbi()
              .withHandle(h -> h.createUpdate(update).bind("id", Secrets.sha256(token)).execute());
      assertThat(rows).as("the session's row").isEqualTo(1);
    } finally {
      database.stop();
    }
  }
}
