package nova.conductor.route;

/**
 * A request the conductor could not serve, with the HTTP status and OpenAI error type it maps to.
 */
public final class RouteFailure extends RuntimeException {
  private final int status;
  private final String type;

  public RouteFailure(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  public static RouteFailure badRequest(String message) {
    return new RouteFailure(400, "invalid_request_error", message);
  }

  public static RouteFailure unavailable(String message) {
    return new RouteFailure(503, "service_unavailable", message);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }
}
