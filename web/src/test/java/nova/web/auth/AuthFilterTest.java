package nova.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nova.web.errors.ApiException;
import org.glassfish.jersey.server.ContainerRequest;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;

/**
 * Who a request is, from the admin secret or nothing at all, and what that may reach: decided
 * before any resource runs. (Keys and sessions are read from PostgreSQL; the ITs cover them.)
 */
class AuthFilterTest {
  // never connected: these requests carry no key or cookie to look up
  private static final Jdbi NO_DATABASE =
      Jdbi.create("jdbc:postgresql://127.0.0.1:1/none").installPlugin(new SqlObjectPlugin());
  private final AuthFilter filter =
      new AuthFilter(
          NO_DATABASE,
          new ActiveKeys(NO_DATABASE),
          new AdminSecret(() -> Secrets.sha256("the-secret")),
          new SessionCookie(
              () -> new byte[32], NO_DATABASE, Duration.ofHours(8), Duration.ofHours(24)));

  @Test
  void theAdminSecretMakesAnAdmin() {
    ContainerRequest request = Requests.of("POST", "/api/v1/tasks");
    request.header("X-Admin-Secret", "the-secret");
    filter.filter(request);
    Caller caller = Caller.of(request);
    assertThat(caller.role()).isEqualTo(Role.ADMIN);
    assertThat(caller.actor()).isEqualTo("admin-secret");
  }

  @Test
  void aWrongSecretIs401AndNotPassedOn() {
    ContainerRequest request = Requests.of("GET", "/tasks");
    request.header("X-Admin-Secret", "guess");
    assertThatThrownBy(() -> filter.filter(request))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessage("wrong X-Admin-Secret");
  }

  @Test
  void nobodyGets401FromTheApiButReachesPagesAndRegistration() {
    assertThatThrownBy(() -> filter.filter(Requests.of("GET", "/api/v1/tasks")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    ContainerRequest page = Requests.of("GET", "/tasks");
    filter.filter(page);
    assertThat(Caller.of(page).anonymous()).as("the page sends them to log in").isTrue();
    filter.filter(Requests.of("POST", "/api/v1/server/register"));
  }

  @Test
  void theCallerIsSetEvenWhenRefused() {
    ContainerRequest request = Requests.of("GET", "/api/v1/tasks");
    assertThatThrownBy(() -> filter.filter(request)).isInstanceOf(ApiException.class);
    assertThat(request.getProperty(Caller.PROPERTY)).isEqualTo(Caller.ANONYMOUS);
  }
}
