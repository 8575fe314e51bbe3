package nova.web.errors;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A request Nova refuses: the status, a sentence saying what is wrong and what is allowed, and
 * details.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final Map<String, Object> detail;
  private Duration retryAfter;

  public ApiException(int status, String message, Map<String, Object> detail) {
    super(message);
    this.status = status;
    this.detail = detail;
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

  /** 429 with Retry-After, whole seconds rounded up. */
  public static ApiException tooManyRequests(
      String message, Duration retryAfter, Map<String, Object> detail) {
    ApiException e = new ApiException(429, message, detail);
    e.retryAfter = retryAfter;
    return e;
  }

  public ApiException retryAfter(Duration wait) {
    this.retryAfter = wait;
    return this;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException notFound(String what, Object id) {
    return new ApiException(
        404, what + " " + id + " does not exist", Map.of("id", String.valueOf(id)));
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException conflict(String message, Map<String, Object> detail) {
    return new ApiException(409, message, detail);
  }
}
