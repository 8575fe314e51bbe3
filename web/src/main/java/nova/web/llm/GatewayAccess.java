package nova.web.llm;

import java.util.Map;
import nova.activities.llm.gateway.RateLimits;
import nova.web.auth.Caller;
import nova.web.auth.Role;
import nova.web.errors.ApiException;
import nova.workflows.failures.NotPermitted;
import nova.workflows.failures.RateLimited;

/**
 * Who may call models through Nova (admins and agent servers; viewers only look), and how often:
 * per key, in Redis.
 */
public final class GatewayAccess {
  private final RateLimits limits;
  private final int perMinute;

  public GatewayAccess(RateLimits limits, int perMinute) {
    this.limits = limits;
    this.perMinute = perMinute;
  }

  public Caller admit(Caller caller) {
    if (caller.anonymous())
      throw ApiException.unauthorized("send a Nova API key: Authorization: Bearer sk-nova-...");
    if (caller.role() == Role.VIEWER)
      throw new NotPermitted(
          "the viewer role can look but not call models; use an admin key or a server's agent key");
    limits
        .take("caller:" + caller.name(), perMinute)
        .ifPresent(
            wait -> {
              throw new RateLimited(
                  "rate limit: "
                      + caller.name()
                      + " may send "
                      + perMinute
                      + " model calls a minute",
                  wait,
                  Map.of("limit_per_minute", perMinute, "code", "rate_limit_exceeded"));
            });
    return caller;
  }
}
