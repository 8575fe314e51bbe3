package nova.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nova.workflows.failures.NameTaken;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.NotPermitted;
import nova.workflows.failures.RateLimited;
import nova.workflows.failures.Refusal;
import nova.workflows.failures.TransitionRefused;
import nova.workflows.failures.UnknownModel;
import org.junit.jupiter.api.Test;

/** Each failure as the API answers it: its status, its sentence and detail, and Retry-After. */
class RefusalMapperTest {
  @Test
  void eachKindOfRefusalHasItsStatus() {
    assertThat(answer(new NotFound("task", "t-1")).getStatus()).isEqualTo(404);
    assertThat(answer(new NameTaken("a pod named p already exists", Map.of())).getStatus())
        .isEqualTo(409);
    assertThat(answer(new TransitionRefused("the task is done", Map.of())).getStatus())
        .isEqualTo(409);
    assertThat(answer(new NotPermitted("the viewer role can look but not act")).getStatus())
        .isEqualTo(403);
    assertThat(answer(new RateLimited("slow down", Duration.ofSeconds(3), Map.of())).getStatus())
        .isEqualTo(429);
    assertThat(answer(new UnknownModel("x/y", "is not offered", List.of("a/b"))).getStatus())
        .isEqualTo(404);
    assertThat(answer(Outage.unavailable(Outage.REDIS)).getStatus()).isEqualTo(503);
  }

  @Test
  void theBodySaysWhatIsWrongAndCarriesTheDetail() {
    Response answer = answer(new NotFound("task", "t-1"));
    ErrorBody body = (ErrorBody) answer.getEntity();
    assertThat(body.error()).isEqualTo("task t-1 does not exist");
    assertThat(body.detail()).containsEntry("id", "t-1");

    ErrorBody unknown =
        (ErrorBody) answer(new UnknownModel("x/y", "is not offered", List.of("a/b"))).getEntity();
    assertThat(unknown.detail())
        .containsEntry("code", "model_not_found")
        .containsEntry("available", List.of("a/b"));
  }

  @Test
  void waitingIsSaidInWholeSecondsRoundedUp() {
    assertThat(
            answer(new RateLimited("slow down", Duration.ofMillis(2_100), Map.of()))
                .getHeaderString("Retry-After"))
        .isEqualTo("3");
    Response outage = answer(Outage.unavailable(Outage.TEMPORAL));
    assertThat(outage.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(((ErrorBody) outage.getEntity()).detail()).containsEntry("part", "temporal");
    assertThat(answer(new NotFound("task", "t-1")).getHeaderString("Retry-After")).isNull();
  }

  @Test
  void aRequestThatCannotBeReadIsItsOwnStatus() {
    Response answer =
        new ApiExceptionMapper().toResponse(ApiException.badRequest("limit must be 1-200"));
    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(((ErrorBody) answer.getEntity()).error()).isEqualTo("limit must be 1-200");
  }

  @Test
  void aLostPartIs503AndAnythingUnexpectedA500ThatTellsNothing() {
    WebErrorMapper mapper = new WebErrorMapper();
    Response lost = mapper.toResponse(new RuntimeException(new SQLException("gone", "08006")));
    assertThat(lost.getStatus()).isEqualTo(503);
    assertThat(((ErrorBody) lost.getEntity()).detail()).containsEntry("part", "postgresql");

    Response unexpected = mapper.toResponse(new IllegalStateException("secret internals"));
    assertThat(unexpected.getStatus()).isEqualTo(500);
    assertThat(((ErrorBody) unexpected.getEntity()).error()).doesNotContain("secret internals");
  }

  @SuppressWarnings("unchecked")
  private static Response answer(Refusal refusal) {
    for (RefusalMapper<?> mapper : RefusalMapper.all())
      if (mapper.kind.isInstance(refusal))
        return ((RefusalMapper<Refusal>) mapper).toResponse(refusal);
    throw new AssertionError("no mapper for " + refusal.getClass());
  }
}
