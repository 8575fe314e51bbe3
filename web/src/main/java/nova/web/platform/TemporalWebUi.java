package nova.web.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Links into the Temporal Web UI at TEMPORAL_UI_URL; empty when none is set. */
public final class TemporalWebUi {
  private final String base;
  private final String namespace;

  public TemporalWebUi(String baseUrl, String namespace) {
    this.base = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    this.namespace = namespace;
  }

  /** The namespace's list of workflows. */
  public Optional<String> workflows() {
    return base.isEmpty()
        ? Optional.empty()
        : Optional.of(base + "/namespaces/" + segment(namespace) + "/workflows");
  }

  /** A workflow's latest run. */
  public Optional<String> workflow(String workflowId) {
    return workflows().map(list -> list + "/" + segment(workflowId));
  }

  /** One run's history. */
  public Optional<String> run(String workflowId, String runId) {
    return workflow(workflowId).map(workflow -> workflow + "/" + segment(runId) + "/history");
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
