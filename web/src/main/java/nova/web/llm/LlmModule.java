package nova.web.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nova.activities.conductor.ConductorClient;
import nova.activities.llm.ProviderKind;
import nova.activities.llm.gateway.Breakers;
import nova.activities.llm.gateway.Gateway;
import nova.activities.llm.gateway.LiveCatalog;
import nova.activities.llm.gateway.Provider;
import nova.activities.llm.gateway.ProviderModel;
import nova.activities.llm.gateway.ProviderStore;
import nova.activities.llm.gateway.RateLimiter;
import nova.activities.llm.gateway.UsageLog;
import nova.activities.llm.local.LocalModel;
import nova.activities.llm.local.LocalModelServer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The gateway's parts, built once at start: nova.yml's providers written over the config-owned
 * rows, the catalog, breakers, limits and the usage log, and the default provider while none is
 * enabled: the configured LPU conductor if it answers, else the built-in local model.
 */
public final class LlmModule implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(LlmModule.class);
  private final LlmSettings settings;
  private final ProviderStore store;
  private final UsageLog usageLog;
  private final LiveCatalog catalog;
  private final Gateway gateway;
  private final GatewayAccess access;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("nova-llm-refresh").factory());
  private final DefaultConductor conductor = new DefaultConductor(new ConductorClient());
  private LocalModelServer local;

  public LlmModule(LlmSettings settings, Jdbi jdbi, RedisClient redis) {
    this.settings = settings;
    this.store = new ProviderStore(jdbi);
    List<Provider> configured =
        settings.providers.stream().flatMap(p -> p.provider().stream()).toList();
    configured.forEach(p -> ProviderRules.checkBaseUrl(p.baseUrl()));
    store
        .replaceConfigured(configured)
        .forEach(
            name ->
                LOG.warn(
                    "nova.yml's provider {} is ignored: an admin added a provider of that name in"
                        + " the app",
                    name));
    this.usageLog = new UsageLog(jdbi);
    this.catalog = new LiveCatalog(store, this::builtin);
    RateLimiter limits = new RateLimiter(redis);
    this.gateway =
        new Gateway(
            catalog,
            new Breakers(settings.breaker.window, settings.breaker.openFor.toJavaDuration()),
            limits,
            usageLog);
    this.access = new GatewayAccess(limits, settings.keyRequestsPerMinute);
  }

  public Gateway gateway() {
    return gateway;
  }

  public LlmAdmin admin() {
    return new LlmAdmin(store, catalog, gateway);
  }

  public GatewayAccess access() {
    return access;
  }

  public List<Object> resources(ObjectMapper json, Jdbi jdbi) {
    return List.of(
        new OpenAiResource(gateway, access, json),
        new ProviderResource(admin()),
        new UsageResource(new UsageQueries(jdbi)),
        new LlmCallResource(new LlmCallQueries(jdbi, json)),
        new OpenAiErrorShape());
  }

  /** The model new agents get: nova.yml's choice, else the first model on offer. */
  public String defaultModel() {
    if (!settings.defaultModel.isBlank()) return settings.defaultModel;
    List<String> models = gateway.catalog().models();
    return models.isEmpty() ? "local/" + LocalModel.CHAT_MODEL : models.getFirst();
  }

  private synchronized Optional<Provider> builtin() {
    return conductor.provider(settings.conductor.url).or(this::localModel);
  }

  private Optional<Provider> localModel() {
    try {
      if (local == null) {
        local =
            new LocalModelServer(
                new LocalModel(
                    settings.local.firstToken.toJavaDuration(), settings.local.tokensPerSecond),
                0);
        LOG.info(
            "no provider is enabled: serving Nova's built-in local model (deterministic text, not a"
                + " real model) at {}",
            local.baseUrl());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the built-in local model could not listen on a loopback port", e);
    }
    return Optional.of(
        new Provider(
            null,
            "local",
            ProviderKind.LOCAL,
            local.baseUrl(),
            "",
            List.of(
                ProviderModel.free(LocalModel.CHAT_MODEL),
                ProviderModel.free(LocalModel.EMBED_MODEL)),
            null,
            Provider.BUILTIN,
            true));
  }

  @Override
  public void start() {
    long every = settings.refresh.toMilliseconds();
    refresher.scheduleWithFixedDelay(
        () -> {
          try {
            catalog.reload();
          } catch (RuntimeException e) {
            LOG.warn("could not reread providers; keeping the ones loaded: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() throws InterruptedException {
    refresher.shutdownNow();
    usageLog.close();
    synchronized (this) {
      if (local != null) local.close();
    }
  }
}
