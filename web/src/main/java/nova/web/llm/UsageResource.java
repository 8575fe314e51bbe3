package nova.web.llm;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import nova.web.auth.Caller;
import nova.web.errors.ApiException;
import nova.web.ui.Routes;

/** GET /api/v1/usage?days=N: model call totals by model, agent and day. */
@Path(Routes.API + "/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {
  private final UsageDao usage;

  public UsageResource(UsageDao usage) {
    this.usage = usage;
  }

  @GET
  public UsageReport report(
      @Context Caller caller, @QueryParam("days") @DefaultValue("30") String days) {
    caller.requireHuman();
    return usage.report(days(days));
  }

  static int days(String days) {
    try {
      int n = Integer.parseInt(days.strip());
      if (n >= 1 && n <= UsageDao.MAX_DAYS) return n;
    } catch (NumberFormatException notANumber) {
      // answered below with the range
    }
    throw new ApiException(
        400,
        "days must be a whole number from 1 to " + UsageDao.MAX_DAYS + ", was '" + days + "'",
        Map.of("field", "days"));
  }
}
