package nova.web.llm;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import nova.activities.llm.gateway.Attempt;
import nova.activities.llm.gateway.GatewayFailure;
import nova.web.errors.ErrorBody;
import nova.web.errors.RetryAfter;

/**
 * A model call the gateway could not complete: the status the chain ended on, its words, each model
 * tried, and Retry-After when the provider gave one.
 */
public final class GatewayFailureMapper implements ExceptionMapper<GatewayFailure> {
  @Override
  public Response toResponse(GatewayFailure failure) {
    Response response =
        ErrorBody.response(
            failure.status(),
            failure.getMessage(),
            Map.of("attempts", attempts(failure.attempts())));
    failure
        .retryAfter()
        .ifPresent(
            wait -> response.getHeaders().putSingle("Retry-After", RetryAfter.seconds(wait)));
    return response;
  }

  private static List<Map<String, Object>> attempts(List<Attempt> attempts) {
    return attempts.stream()
        .map(
            a ->
                Map.<String, Object>of(
                    "model",
                    a.model(),
                    "outcome",
                    a.outcome(),
                    "status",
                    a.status(),
                    "message",
                    a.message()))
        .toList();
  }
}
