package nova.activities.conductor;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import nova.workflows.conductor.ConductorActivities;

/**
 * The door to LPU conductors: the activities that deploy, scale and drain them, and the models the
 * configured one offers.
 *
 * @param url the configured conductor's base URL, blank for none
 * @param adminToken the bearer token its /admin API asks for
 */
public record ConductorServices(String url, String adminToken) {
  public ConductorActivities activities() {
    return new ConductorActivitiesImpl(new ConductorClient(adminToken), url);
  }

  /** The models the conductor at {@code baseUrl} lists, asked within {@code within}. */
  public List<String> models(String baseUrl, Duration within)
      throws IOException, InterruptedException {
    return new ConductorClient(adminToken).models(baseUrl, within);
  }
}
