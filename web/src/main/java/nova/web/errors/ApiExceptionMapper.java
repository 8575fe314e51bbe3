package nova.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException e) {
    Response response = ErrorBody.response(e.status(), e.getMessage(), e.detail());
    e.retryAfter()
        .ifPresent(
            wait ->
                response
                    .getHeaders()
                    .putSingle(
                        "Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
    return response;
  }
}
