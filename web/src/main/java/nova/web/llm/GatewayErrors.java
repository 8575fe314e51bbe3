package nova.web.llm;

import java.util.List;
import java.util.Map;
import nova.activities.llm.gateway.Attempt;
import nova.activities.llm.gateway.GatewayFailure;
import nova.activities.llm.gateway.UnknownModel;
import nova.web.errors.ApiException;

/**
 * The gateway's failures as API errors: the status the chain ended on, its words, and each model
 * tried.
 */
public final class GatewayErrors {
  private GatewayErrors() {}

  public static ApiException of(RuntimeException e) {
    if (e instanceof UnknownModel unknown) {
      return new ApiException(
          404,
          unknown.getMessage(),
          Map.of("field", "model", "code", "model_not_found", "available", unknown.available()));
    }
    if (e instanceof GatewayFailure failure) {
      ApiException api =
          new ApiException(
              failure.status(),
              failure.getMessage(),
              Map.of("attempts", attempts(failure.attempts())));
      failure.retryAfter().ifPresent(api::retryAfter);
      return api;
    }
    throw e;
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
