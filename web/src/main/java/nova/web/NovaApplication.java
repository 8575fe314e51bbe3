package nova.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import nova.activities.notify.NotifyServices;
import nova.activities.store.TaskStoreServices;
import nova.web.agent.AgentResource;
import nova.web.agent.AgentStore;
import nova.web.agent.Agents;
import nova.web.agent.ChatResource;
import nova.web.agent.PodResource;
import nova.web.auth.Access;
import nova.web.auth.AccessResource;
import nova.web.auth.ActiveKeys;
import nova.web.auth.AuthFilter;
import nova.web.auth.Credential;
import nova.web.auth.CsrfFilter;
import nova.web.auth.FirstRun;
import nova.web.auth.LoginThrottle;
import nova.web.auth.RefusalLog;
import nova.web.auth.SecurityEventsResource;
import nova.web.auth.SecurityHeaders;
import nova.web.auth.SecurityLog;
import nova.web.auth.SessionCookie;
import nova.web.errors.ApiExceptionMapper;
import nova.web.errors.BodyLimitFilter;
import nova.web.errors.JsonErrorMapper;
import nova.web.errors.Outage;
import nova.web.errors.RefusalMapper;
import nova.web.errors.ViolationMapper;
import nova.web.errors.WebErrorMapper;
import nova.web.health.HealthResource;
import nova.web.health.Parts;
import nova.web.live.EventsResource;
import nova.web.live.TaskEventHub;
import nova.web.llm.GatewayFailureMapper;
import nova.web.llm.LlmModule;
import nova.web.memory.MemoryModule;
import nova.web.memory.ModelSwitchCommands;
import nova.web.platform.Database;
import nova.web.platform.Redis;
import nova.web.platform.Temporal;
import nova.web.platform.TemporalComeback;
import nova.web.platform.TemporalWebUi;
import nova.web.platform.WorkerActivities;
import nova.web.project.ProjectResource;
import nova.web.project.Projects;
import nova.web.task.AgentTaskResource;
import nova.web.task.LostWorkflows;
import nova.web.task.TaskCommands;
import nova.web.task.TaskHistory;
import nova.web.task.TaskResource;
import nova.web.ui.UiModule;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.LoggerFactory;

/** The Nova server: REST API, admin app, live events and the Temporal worker, wired by hand. */
public class NovaApplication extends Application<NovaConfiguration> {
  public static void main(String[] args) throws Exception {
    new NovaApplication().run(args);
  }

  @Override
  public String getName() {
    return "nova";
  }

  @Override
  public void initialize(Bootstrap<NovaConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(NovaConfiguration config, Environment environment) throws Exception {
    ObjectMapper json = configureJson(environment.getObjectMapper());
    Database database = manage(environment, new Database(config.databaseUrl));
    Redis redis = manage(environment, new Redis(config.redisUrl));
    // before Temporal, so the gateway is up before the worker takes a model call, and stops after
    // it
    LlmModule llm = manage(environment, new LlmModule(config.llm, database.jdbi(), redis.client()));
    MemoryModule memory = manage(environment, new MemoryModule(database.jdbi(), llm.services()));
    TaskStoreServices taskStore = new TaskStoreServices(database.jdbi(), json);
    Temporal temporal =
        manage(
            environment,
            new Temporal(
                config.temporal.address,
                config.temporal.namespace,
                config.temporal.retention.toJavaDuration(),
                config.temporal.workflowPollers,
                new WorkerActivities(
                    taskStore.activities(),
                    new NotifyServices(redis.client(), json).activities(),
                    llm.services().activities(),
                    memory.services().activities(),
                    memory.services().modelActivities(),
                    llm.services().conductorActivities())));
    SecurityLog audit = manage(environment, new SecurityLog(database.jdbi(), json));
    FirstRun firstRun = new FirstRun(database.jdbi(), config.auth);
    SessionCookie sessions = firstRun.sessionCookie();
    TaskEventHub hub =
        manage(
            environment,
            new TaskEventHub(
                redis, held -> Credential.stillValid(held, sessions, database.jdbi())));
    sessions.onEnd(hub::sessionsEnded);
    environment
        .lifecycle()
        .scheduledExecutorService("session-sweep")
        .threads(1)
        .build()
        .scheduleWithFixedDelay(() -> sweep(sessions), 1, 60, TimeUnit.MINUTES);
    LostWorkflows lost =
        new LostWorkflows(
            temporal.client(),
            database.jdbi(),
            config.temporal.remindAfter.toSeconds(),
            config.temporal.updatesPerRun);
    TemporalComeback comeback =
        manage(environment, new TemporalComeback(temporal, lost::resumeAll));
    Parts parts =
        new Parts()
            .add(Outage.POSTGRESQL, database::ping)
            .add(Outage.REDIS, redis::ping)
            .add(Outage.TEMPORAL, temporal::ping);
    parts.onUp(Outage.TEMPORAL, comeback::temporalUp);
    manage(environment, parts);

    firstRun.ensureAdmin();
    ActiveKeys activeKeys = new ActiveKeys(database.jdbi());
    registerFilters(
        environment,
        new AuthFilter(database.jdbi(), activeKeys, firstRun.adminSecret(), sessions),
        config.auth.secureCookies);
    environment.jersey().register(new RefusalLog(audit));
    firstRun.reveal();
    registerErrorMappers(environment);

    Projects projects = new Projects(database.jdbi(), json, audit);
    Access access = new Access(database.jdbi(), activeKeys, sessions, audit);
    TaskCommands commands =
        new TaskCommands(
            temporal.client(),
            projects,
            database.jdbi(),
            config.temporal.remindAfter.toSeconds(),
            config.temporal.updatesPerRun,
            parts);
    TemporalWebUi webUi = new TemporalWebUi(config.temporal.uiUrl, config.temporal.namespace);
    TaskHistory history = new TaskHistory(temporal.client(), webUi, config.temporal.namespace);
    environment.jersey().register(new ProjectResource(projects, audit));
    environment.jersey().register(new AccessResource(access));
    environment.jersey().register(new SecurityEventsResource(database.jdbi()));
    environment.jersey().register(new TaskResource(commands, history, database.jdbi()));
    environment.jersey().register(new AgentTaskResource(commands, database.jdbi()));
    environment.jersey().register(new EventsResource(hub));
    environment.jersey().register(memory.resource());
    ModelSwitchCommands memorySwitches = memory.switches(temporal.client());
    environment.jersey().register(memory.modelResource(memorySwitches));
    environment.jersey().register(new HealthResource(parts, temporal::workersStarted, taskStore));
    Agents agents = registerGatewayAndAgents(environment, llm, database, json);
    new UiModule(
            config,
            database.jdbi(),
            projects,
            access,
            commands,
            history,
            sessions,
            audit,
            new LoginThrottle(redis.client()),
            config.auth.secureCookies,
            llm,
            agents,
            memory,
            memorySwitches,
            webUi)
        .register(environment.jersey());
  }

  /**
   * The gateway's API (/v1, providers, usage), then agents, pods and chat, with the one Nova agent
   * made sure of.
   */
  private static Agents registerGatewayAndAgents(
      Environment environment, LlmModule llm, Database database, ObjectMapper json) {
    llm.resources(json, database.jdbi()).forEach(environment.jersey()::register);
    Agents agents = new Agents(new AgentStore(database.jdbi()), llm.services(), llm::defaultModel);
    agents.ensureNova();
    environment.jersey().register(new AgentResource(agents));
    environment.jersey().register(new PodResource(agents));
    environment.jersey().register(new ChatResource(agents, llm.services(), llm.access(), json));
    return agents;
  }

  /** Drops sessions that ended more than a day ago; a failed sweep waits for the next hour. */
  private static void sweep(SessionCookie sessions) {
    try {
      sessions.forgetOld(Instant.now());
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(NovaApplication.class)
          .warn("could not drop old sessions: {}", e.toString());
    }
  }

  private static ObjectMapper configureJson(ObjectMapper json) {
    return json.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  private static void registerFilters(
      Environment environment, AuthFilter auth, boolean secureCookies) {
    // Jersey otherwise holds the first 8 KiB of every body to set Content-Length, flushes or not,
    // and a streamed answer's first tokens would wait for the fortieth.
    environment.jersey().property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
    environment
        .servlets()
        .addFilter("security-headers", new SecurityHeaders(secureCookies))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment.jersey().register(new BodyLimitFilter());
    environment.jersey().register(auth);
    environment.jersey().register(new CsrfFilter());
  }

  private static void registerErrorMappers(Environment environment) {
    environment.jersey().register(new ApiExceptionMapper());
    RefusalMapper.all().forEach(environment.jersey()::register);
    environment.jersey().register(new GatewayFailureMapper());
    environment.jersey().register(new JsonErrorMapper());
    environment.jersey().register(new ViolationMapper());
    environment.jersey().register(new WebErrorMapper());
  }

  private static <T extends Managed> T manage(Environment environment, T managed) {
    environment.lifecycle().manage(managed);
    return managed;
  }
}
