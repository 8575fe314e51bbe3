package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nova.credentials.AdminCheck;
import nova.web.platform.Database;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The credentials contract of docs/credentials.md, read by {@link AdminCheck} from the running
 * server's PostgreSQL, against what the server itself accepts: the admin secret, API keys by role
 * and revocation, and sessions by role, logout and "log out everywhere".
 */
class CredentialContractIT {
  private static final AdminCheck CHECK = new AdminCheck(Duration.ofHours(8));

  @Test
  void theAdminSecretIsAnAdminAndAWrongOneIsNot() throws Exception {
    try (Probe db = new Probe()) {
      assertThat(CHECK.adminSecret(db.connection(), NovaServer.ADMIN_SECRET))
          .hasValue(new AdminCheck.Admin("admin-secret"));
      assertThat(CHECK.adminSecret(db.connection(), "wrong")).isEmpty();
      assertThat(CHECK.adminSecret(db.connection(), null)).isEmpty();
    }
  }

  @Test
  void anActiveAdminKeyIsAnAdminAViewerKeyAndARevokedKeyAreNot() throws Exception {
    String name = Fixtures.unique("contract-admin");
    Api.Reply created = Api.admin().post("/api/v1/keys", Map.of("name", name, "role", "admin"));
    String admin = created.text("key");
    String viewer =
        Api.admin()
            .post(
                "/api/v1/keys",
                Map.of("name", Fixtures.unique("contract-viewer"), "role", "viewer"))
            .text("key");
    try (Probe db = new Probe()) {
      assertThat(CHECK.apiKey(db.connection(), admin))
          .hasValue(new AdminCheck.Admin("key:" + name));
      assertThat(CHECK.apiKey(db.connection(), " " + admin + " ")).as("trimmed").isPresent();
      assertThat(Api.key(viewer).get("/api/v1/tasks").status()).isEqualTo(200);
      assertThat(CHECK.apiKey(db.connection(), viewer)).as("a viewer is no admin").isEmpty();
      assertThat(CHECK.apiKey(db.connection(), "sk-nova-unknown")).isEmpty();

      assertThat(Api.admin().delete("/api/v1/keys/" + created.text("id")).status()).isEqualTo(204);
      assertThat(Api.key(admin).get("/api/v1/tasks").status()).isEqualTo(401);
      assertThat(CHECK.apiKey(db.connection(), admin)).as("revoked").isEmpty();
    }
  }

  @Test
  void anOpenAdminSessionIsAnAdminUntilItEnds() throws Exception {
    Session session = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    String token = session.cookie().substring("nova_session=".length());
    try (Probe db = new Probe()) {
      Instant now = Instant.now();
      assertThat(CHECK.session(db.connection(), token, now))
          .hasValue(new AdminCheck.Admin("admin:admin"));
      assertThat(CHECK.session(db.connection(), "not-a-session", now)).isEmpty();
      assertThat(CHECK.session(db.connection(), token, now.plus(Duration.ofHours(9))))
          .as("idle longer than sessionIdle")
          .isEmpty();

      assertThat(session.form("/logout", "", true).status()).isEqualTo(303);
      assertThat(session.valid()).isFalse();
      assertThat(CHECK.session(db.connection(), token, Instant.now())).as("logged out").isEmpty();
    }
  }

  /** A connection to the server's own database, as another process would open one. */
  private static final class Probe implements AutoCloseable {
    private final Database database = Fixtures.database();
    private final Handle handle = database.jdbi().open();

    Connection connection() {
      return handle.getConnection();
    }

    @Override
    public void close() {
      handle.close();
      database.stop();
    }
  }
}
