package nova.workflows.failures;

import java.util.List;
import java.util.Map;

/**
 * A model name that is neither provider/model of an enabled provider nor an alias; carries what is
 * available.
 */
public final class UnknownModel extends Refusal {
  private final String requested;
  private final List<String> available;

  public UnknownModel(String requested, String why, List<String> available) {
    super(
        "model '" + requested + "' " + why + "; available: " + String.join(", ", available),
        Map.of("field", "model", "code", "model_not_found", "available", available));
    this.requested = requested;
    this.available = available;
  }

  public String requested() {
    return requested;
  }

  public List<String> available() {
    return available;
  }
}
