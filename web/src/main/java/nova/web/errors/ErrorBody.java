package nova.web.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Every error is {"error": "...", "detail": {...}}. */
public record ErrorBody(String error, Map<String, Object> detail) {
  public static Response response(int status, String error, Map<String, Object> detail) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(error, detail))
        .build();
  }
}
