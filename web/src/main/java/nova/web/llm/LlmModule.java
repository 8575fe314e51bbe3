package nova.web.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.util.List;
import nova.activities.conductor.ConductorServices;
import nova.activities.llm.gateway.LlmServices;
import nova.activities.llm.gateway.Provider;
import org.jdbi.v3.core.Jdbi;
import redis.clients.jedis.RedisClient;

/**
 * The LLM gateway in the server: its services built from nova.yml's llm section, started and
 * stopped with the server, and the resources of /v1, providers, usage and model calls.
 */
public final class LlmModule implements Managed {
  private final LlmServices services;
  private final GatewayAccess access;

  public LlmModule(LlmSettings settings, Jdbi jdbi, RedisClient redis, ObjectMapper json) {
    List<Provider> configured =
        settings.providers.stream().flatMap(p -> p.provider().stream()).toList();
    configured.forEach(p -> ProviderRules.checkBaseUrl(p.baseUrl()));
    this.services =
        new LlmServices(
            new LlmServices.Settings(
                configured,
                settings.defaultModel,
                settings.refresh.toJavaDuration(),
                settings.breaker.window,
                settings.breaker.openFor.toJavaDuration(),
                settings.local.firstToken.toJavaDuration(),
                settings.local.tokensPerSecond,
                new ConductorServices(settings.conductor.url, settings.conductor.adminToken)),
            jdbi,
            redis,
            json);
    this.access = new GatewayAccess(services.rateLimits(), settings.keyRequestsPerMinute);
  }

  public LlmServices services() {
    return services;
  }

  public LlmAdmin admin() {
    return new LlmAdmin(services);
  }

  public GatewayAccess access() {
    return access;
  }

  public List<Object> resources(ObjectMapper json, Jdbi jdbi) {
    return List.of(
        new OpenAiResource(services, access, json),
        new ProviderResource(admin()),
        new UsageResource(new UsageDao(jdbi)),
        new LlmCallResource(services),
        new OpenAiErrorShape());
  }

  /** The model new agents get: nova.yml's choice, else the first model on offer. */
  public String defaultModel() {
    return services.defaultModel();
  }

  @Override
  public void start() {
    services.start();
  }

  @Override
  public void stop() throws InterruptedException {
    services.close();
  }
}
