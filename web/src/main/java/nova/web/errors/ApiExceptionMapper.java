package nova.web.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException e) {
    return ErrorBody.response(e.status(), e.getMessage(), e.detail());
  }
}
