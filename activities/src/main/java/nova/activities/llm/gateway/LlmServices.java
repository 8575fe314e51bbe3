package nova.activities.llm.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nova.activities.conductor.ConductorServices;
import nova.activities.llm.Embeddings;
import nova.activities.llm.ProviderKind;
import nova.activities.llm.local.LocalModel;
import nova.activities.llm.local.LocalModelServer;
import nova.workflows.conductor.ConductorActivities;
import nova.workflows.llm.LlmActivities;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The door to the LLM gateway: every model call, the providers and aliases an admin keeps, the
 * stored texts of workflows' calls, and the activities the worker runs. While no provider is
 * enabled the gateway serves the configured LPU conductor if it answers, else the built-in local
 * model.
 */
public final class LlmServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LlmServices.class);

  /**
   * @param providers the ones nova.yml or the environment configures; they overwrite earlier
   *     config-owned rows
   * @param defaultModel the model of new agents; blank: the first model on offer
   * @param refresh how often this server rereads providers and aliases another server changed
   * @param breakerWindow how many of a provider's latest calls its failure rate is taken over
   * @param breakerOpenFor how long an open circuit stays open
   * @param localFirstToken the built-in local model's delay before its first token
   * @param localTokensPerSecond the built-in local model's pace after that
   * @param conductor the configured LPU conductor (blank url: none)
   */
  public record Settings(
      List<Provider> providers,
      String defaultModel,
      Duration refresh,
      int breakerWindow,
      Duration breakerOpenFor,
      Duration localFirstToken,
      double localTokensPerSecond,
      ConductorServices conductor) {}

  private final Settings settings;
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final LlmCallDao calls;
  private final ProviderDao store;
  private final UsageLog usageLog;
  private final LiveCatalog catalog;
  private final RateLimiter limits;
  private final Gateway gateway;
  private final LlmTextDao texts;
  private final DefaultConductor defaultConductor;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("nova-llm-refresh").factory());
  private LocalModelServer local;

  /** {@code json}: the server's configured mapper, for the JSON Nova stores. */
  public LlmServices(Settings settings, Jdbi jdbi, RedisClient redis, ObjectMapper json) {
    this.settings = settings;
    this.jdbi = jdbi;
    this.json = json;
    this.calls = new LlmCallDao(jdbi, json);
    this.store = new ProviderDao(jdbi, json);
    this.defaultConductor = new DefaultConductor(settings.conductor());
    this.usageLog = new UsageLog(jdbi);
    this.catalog = new LiveCatalog(store, this::builtin);
    this.limits = new RateLimiter(redis);
    this.gateway =
        new Gateway(
            catalog,
            new Breakers(settings.breakerWindow(), settings.breakerOpenFor()),
            limits,
            usageLog);
    this.texts = new LlmTextDao(jdbi);
  }

  /**
   * Writes nova.yml's providers over the config-owned rows, loads the catalog, then rereads
   * providers and aliases every {@code refresh}, so another server's changes arrive.
   */
  public void start() {
    store
        .replaceConfigured(settings.providers())
        .forEach(
            name ->
                LOG.warn(
                    "nova.yml's provider {} is ignored: an admin added a provider of that name in"
                        + " the app",
                    name));
    catalog.reload();
    long every = settings.refresh().toMillis();
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
  public void close() throws InterruptedException {
    refresher.shutdownNow();
    usageLog.close();
    synchronized (this) {
      if (local != null) local.close();
    }
  }

  public LlmActivities activities() {
    return new LlmActivitiesImpl(gateway, jdbi, json);
  }

  public ConductorActivities conductorActivities() {
    return settings.conductor().activities();
  }

  public GatewayAnswer complete(GatewayCall call) {
    return gateway.complete(call);
  }

  public GatewayAnswer stream(GatewayCall call, RouteStream sink) {
    return gateway.stream(call, sink);
  }

  public Embeddings embed(String model, List<String> input, String caller) {
    return gateway.embed(model, input, caller);
  }

  /** The routes a model name or alias stands for, in the order they are tried. */
  public List<Route> resolve(String name) {
    return gateway.catalog().resolve(name);
  }

  public CatalogSnapshot catalog() {
    Catalog now = gateway.catalog();
    return new CatalogSnapshot(now.providers(), now.aliases(), now.models());
  }

  public BreakerState breaker(String provider) {
    return gateway.breakers().state(provider);
  }

  public RateLimits rateLimits() {
    return limits;
  }

  /** The model new agents get: nova.yml's choice, else the first model on offer. */
  public String defaultModel() {
    if (!settings.defaultModel().isBlank()) return settings.defaultModel();
    List<String> models = gateway.catalog().models();
    return models.isEmpty() ? "local/" + LocalModel.CHAT_MODEL : models.getFirst();
  }

  /** A provider as stored, even a disabled one the catalog leaves out. */
  public Optional<Provider> storedProvider(String name) {
    return store.byName(name);
  }

  /** The following changes take effect on this server at once, on the others at their refresh. */
  public void addProvider(Provider provider) {
    store.insert(provider);
    catalog.reload();
  }

  public void updateProvider(Provider provider) {
    store.update(provider);
    catalog.reload();
  }

  public void deleteProvider(String name) {
    store.delete(name);
    catalog.reload();
  }

  public void putAlias(String name, List<String> targets, String by) {
    store.putAlias(name, targets, by);
    catalog.reload();
  }

  /** False when there was no such alias. */
  public boolean deleteAlias(String name) {
    boolean deleted = store.deleteAlias(name);
    if (deleted) catalog.reload();
    return deleted;
  }

  /** Stores a prompt or answer text once by its hash, as workflows' calls do. */
  public UUID saveText(String body) {
    return texts.save(body);
  }

  public Map<UUID, String> texts(Collection<UUID> ids) {
    return texts.bodies(ids);
  }

  /** A workflow's model calls for audit, oldest first (at most 500). */
  public List<ObjectNode> calls(String workflowId) {
    return calls.ofWorkflow(workflowId);
  }

  /** One model call with each prompt message's text and the answer's text filled in. */
  public Optional<ObjectNode> call(UUID id) {
    return calls.withTexts(id);
  }

  private synchronized Optional<Provider> builtin() {
    return defaultConductor.provider(settings.conductor().url()).or(this::localModel);
  }

  private Optional<Provider> localModel() {
    try {
      if (local == null) {
        local =
            new LocalModelServer(
                new LocalModel(settings.localFirstToken(), settings.localTokensPerSecond()), 0);
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
}
