package nova.web.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Nova cannot read or accept as sent (a missing or malformed field, an unknown
 * credential): the status, a sentence saying what is wrong and what is allowed, and details. What
 * the domain refuses is a {@link nova.workflows.failures.Refusal} instead.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final Map<String, Object> detail;

  public ApiException(int status, String message, Map<String, Object> detail) {
    super(message);
    this.status = status;
    this.detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
  }

  public ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  public int status() {
    return status;
  }

  public Map<String, Object> detail() {
    return detail;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }
}
