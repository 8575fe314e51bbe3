package nova.workflows.failures;

import java.util.Map;

/** The thing a request names does not exist (or not where the request looks for it). */
public final class NotFound extends Refusal {
  public NotFound(String what, Object id) {
    super(what + " " + id + " does not exist", Map.of("id", String.valueOf(id)));
  }
}
