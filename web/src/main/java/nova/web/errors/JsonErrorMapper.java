package nova.web.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import java.util.stream.Collectors;

/** Malformed JSON, unknown fields and values of the wrong type: 400 naming the field. */
public class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String allowed =
          unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      return ErrorBody.response(
          400,
          "unknown field '" + unknown.getPropertyName() + "'; allowed: " + allowed,
          Map.of("field", unknown.getPropertyName()));
    }
    if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) e;
      String field =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
              .collect(Collectors.joining("."));
      if (field.isEmpty()) {
        return ErrorBody.response(400, "the request body must be a JSON object", Map.of());
      }
      return ErrorBody.response(
          400,
          "field '" + field + "' has the wrong type: " + mismatch.getOriginalMessage(),
          Map.of("field", field));
    }
    if (e instanceof JsonParseException) {
      return ErrorBody.response(400, "malformed JSON: " + e.getOriginalMessage(), Map.of());
    }
    return ErrorBody.response(
        400, "the request body could not be read as JSON: " + e.getOriginalMessage(), Map.of());
  }
}
