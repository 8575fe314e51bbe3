package nova.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import nova.web.errors.ApiException;
import org.glassfish.jersey.server.ContainerRequest;
import org.junit.jupiter.api.Test;

/** A change riding on the session cookie needs the session's CSRF token; nothing else is asked. */
class CsrfFilterTest {
  private static final Caller PERSON =
      new Caller(Role.ADMIN, "admin:alice", null, null, true, "the-token");
  private static final Caller KEY = new Caller(Role.ADMIN, "key:ci", null, null, false, null);
  private final CsrfFilter filter = new CsrfFilter();

  @Test
  void aCookieChangeWithoutTheTokenIs403() {
    ContainerRequest request = as(PERSON, "POST", "/tasks");
    assertThatThrownBy(() -> filter.filter(request))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("CSRF token");
  }

  @Test
  void theHeaderOrTheFormFieldCarriesIt() throws Exception {
    ContainerRequest header = as(PERSON, "POST", "/tasks");
    header.header(CsrfFilter.HEADER, "the-token");
    assertThatCode(() -> filter.filter(header)).doesNotThrowAnyException();

    ContainerRequest form = as(PERSON, "POST", "/tasks");
    form.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED);
    form.setEntityStream(
        new ByteArrayInputStream("title=x&_csrf=the-token".getBytes(StandardCharsets.UTF_8)));
    filter.filter(form);
    assertThat(new String(form.getEntityStream().readAllBytes(), StandardCharsets.UTF_8))
        .as("the form is still there for the resource")
        .isEqualTo("title=x&_csrf=the-token");

    ContainerRequest wrong = as(PERSON, "POST", "/tasks");
    wrong.header(CsrfFilter.HEADER, "another-token");
    assertThatThrownBy(() -> filter.filter(wrong)).isInstanceOf(ApiException.class);
  }

  @Test
  void readsAndHeaderCredentialsAreNotAsked() {
    assertThatCode(() -> filter.filter(as(PERSON, "GET", "/tasks"))).doesNotThrowAnyException();
    assertThatCode(() -> filter.filter(as(KEY, "POST", "/api/v1/tasks")))
        .doesNotThrowAnyException();
    assertThatCode(() -> filter.filter(Requests.of("POST", "/login")))
        .as("nobody yet")
        .doesNotThrowAnyException();
  }

  private static ContainerRequest as(Caller caller, String method, String path) {
    ContainerRequest request = Requests.of(method, path);
    request.setProperty(Caller.PROPERTY, caller);
    return request;
  }
}
