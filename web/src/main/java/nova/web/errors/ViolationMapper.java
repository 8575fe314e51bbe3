package nova.web.errors;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Missing or invalid fields: 400 naming each field and what it must be. */
public class ViolationMapper implements ExceptionMapper<JerseyViolationException> {
  @Override
  public Response toResponse(JerseyViolationException e) {
    Map<String, Object> fields = new TreeMap<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      String field = null;
      for (Path.Node node : violation.getPropertyPath()) {
        if (node.getKind() == ElementKind.PROPERTY) field = snake(node.getName());
      }
      fields.put(
          field == null ? "body" : field,
          field == null ? "a JSON object is required" : violation.getMessage());
    }
    String summary =
        fields.entrySet().stream()
            .map(f -> f.getKey() + " " + f.getValue())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid request");
    return ErrorBody.response(400, "invalid request: " + summary, Map.of("fields", fields));
  }

  static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
