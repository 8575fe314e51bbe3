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
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.servlet.DispatcherType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import nova.web.agent.AgentResource;
import nova.web.agent.ChatResource;
import nova.web.agent.PodResource;
import nova.web.auth.AccessResource;
import nova.web.auth.AuthFilter;
import nova.web.auth.CallerBinder;
import nova.web.auth.CsrfFilter;
import nova.web.auth.RefusalLog;
import nova.web.auth.SecurityEventsResource;
import nova.web.auth.SecurityHeaders;
import nova.web.auth.SessionCookie;
import nova.web.errors.ApiExceptionMapper;
import nova.web.errors.BodyLimitFilter;
import nova.web.errors.JsonErrorMapper;
import nova.web.errors.RefusalMapper;
import nova.web.errors.ViolationMapper;
import nova.web.errors.WebErrorMapper;
import nova.web.health.HealthResource;
import nova.web.live.EventsResource;
import nova.web.llm.GatewayFailureMapper;
import nova.web.project.ProjectResource;
import nova.web.task.AgentTaskResource;
import nova.web.task.TaskResource;
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
  public void run(NovaConfiguration config, Environment environment) {
    NovaServices services =
        NovaServices.build(
            config, configureJson(environment.getObjectMapper()), environment.lifecycle());
    registerFilters(environment, services);
    environment.jersey().register(new CallerBinder());
    registerErrorMappers(environment.jersey());
    registerApi(environment.jersey(), services);
    UiModule.register(environment.jersey(), services);
    sweepSessions(environment, services.sessions());
  }

  /**
   * The REST API: /api/v1 (tasks, projects, access, memory, agents), /v1 (OpenAI's) and /health.
   */
  private static void registerApi(JerseyEnvironment jersey, NovaServices s) {
    jersey.register(new ProjectResource(s.projects(), s.audit()));
    jersey.register(new AccessResource(s.access()));
    jersey.register(new SecurityEventsResource(s.database().jdbi()));
    jersey.register(new TaskResource(s.commands(), s.history(), s.database().jdbi()));
    jersey.register(new AgentTaskResource(s.commands(), s.database().jdbi()));
    jersey.register(new EventsResource(s.hub()));
    jersey.register(s.memory().resource());
    jersey.register(s.memory().modelResource(s.memorySwitches()));
    jersey.register(new HealthResource(s.parts(), s.temporal()::workersStarted, s.taskStore()));
    s.llm().resources(s.json(), s.database().jdbi()).forEach(jersey::register);
    jersey.register(new AgentResource(s.agents()));
    jersey.register(new PodResource(s.agents()));
    jersey.register(new ChatResource(s.agents(), s.llm().services(), s.llm().access(), s.json()));
  }

  private static void sweepSessions(Environment environment, SessionCookie sessions) {
    environment
        .lifecycle()
        .scheduledExecutorService("session-sweep")
        .threads(1)
        .build()
        .scheduleWithFixedDelay(() -> sweep(sessions), 1, 60, TimeUnit.MINUTES);
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

  private static void registerFilters(Environment environment, NovaServices s) {
    boolean secureCookies = s.config().auth.secureCookies;
    // Jersey otherwise holds the first 8 KiB of every body to set Content-Length, flushes or not,
    // and a streamed answer's first tokens would wait for the fortieth.
    environment.jersey().property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
    environment
        .servlets()
        .addFilter("security-headers", new SecurityHeaders(secureCookies))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    environment.jersey().register(new BodyLimitFilter());
    environment
        .jersey()
        .register(
            new AuthFilter(s.database().jdbi(), s.activeKeys(), s.adminSecret(), s.sessions()));
    environment.jersey().register(new CsrfFilter());
    environment.jersey().register(new RefusalLog(s.audit()));
  }

  private static void registerErrorMappers(JerseyEnvironment jersey) {
    jersey.register(new ApiExceptionMapper());
    RefusalMapper.all().forEach(jersey::register);
    jersey.register(new GatewayFailureMapper());
    jersey.register(new JsonErrorMapper());
    jersey.register(new ViolationMapper());
    jersey.register(new WebErrorMapper());
  }
}
