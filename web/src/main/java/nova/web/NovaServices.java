package nova.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.setup.LifecycleEnvironment;
import nova.activities.notify.NotifyServices;
import nova.activities.store.TaskStoreServices;
import nova.web.agent.AgentDao;
import nova.web.agent.Agents;
import nova.web.auth.Access;
import nova.web.auth.ActiveKeys;
import nova.web.auth.AdminSecret;
import nova.web.auth.Credential;
import nova.web.auth.FirstRun;
import nova.web.auth.LoginThrottle;
import nova.web.auth.SecurityLog;
import nova.web.auth.SessionCookie;
import nova.web.errors.Outage;
import nova.web.health.Parts;
import nova.web.live.TaskEventHub;
import nova.web.llm.LlmModule;
import nova.web.memory.MemoryModule;
import nova.web.memory.ModelSwitchCommands;
import nova.web.platform.Database;
import nova.web.platform.Redis;
import nova.web.platform.Temporal;
import nova.web.platform.TemporalComeback;
import nova.web.platform.TemporalWebUi;
import nova.web.platform.WorkerActivities;
import nova.web.project.Projects;
import nova.web.task.LostWorkflows;
import nova.web.task.TaskCommands;
import nova.web.task.TaskHistory;

/**
 * Everything the API, the pages and the workers use, built once. Building reads and writes nothing
 * (only the connection pool opens): each part that migrates, writes or starts threads does it in
 * its {@link Managed#start()}, which Dropwizard calls in the order of {@link #build}: migrations
 * first, then first-run writes, the services, the workers, and last the watchers of the platform
 * parts. They stop in reverse, so the workers stop before the services they call.
 */
public record NovaServices(
    NovaConfiguration config,
    ObjectMapper json,
    Database database,
    Redis redis,
    Temporal temporal,
    Parts parts,
    SessionCookie sessions,
    AdminSecret adminSecret,
    ActiveKeys activeKeys,
    LoginThrottle throttle,
    SecurityLog audit,
    TaskEventHub hub,
    LlmModule llm,
    MemoryModule memory,
    ModelSwitchCommands memorySwitches,
    TaskStoreServices taskStore,
    Agents agents,
    Projects projects,
    Access access,
    TaskCommands commands,
    TaskHistory history,
    TemporalWebUi webUi) {

  static NovaServices build(
      NovaConfiguration config, ObjectMapper json, LifecycleEnvironment lifecycle) {
    Database database = manage(lifecycle, new Database(config.databaseUrl).useJson(json));
    Redis redis = manage(lifecycle, new Redis(config.redisUrl));
    FirstRun firstRun = manage(lifecycle, new FirstRun(database.jdbi(), config.auth));
    SessionCookie sessions = firstRun.sessionCookie();

    // The gateway starts before the workers take a model call, and stops after them.
    LlmModule llm =
        manage(lifecycle, new LlmModule(config.llm, database.jdbi(), redis.client(), json));
    Agents agents =
        new Agents(new AgentDao(database.jdbi(), json), llm.services(), llm::defaultModel);
    lifecycle.manage(
        new Managed() {
          @Override
          public void start() {
            agents.ensureNova();
          }
        });
    MemoryModule memory =
        manage(lifecycle, new MemoryModule(database.jdbi(), llm.services(), json));
    TaskStoreServices taskStore = new TaskStoreServices(database.jdbi(), json);
    Temporal temporal =
        manage(
            lifecycle,
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

    SecurityLog audit = manage(lifecycle, new SecurityLog(database.jdbi(), json));
    TaskEventHub hub =
        manage(
            lifecycle,
            new TaskEventHub(
                redis, held -> Credential.stillValid(held, sessions, database.jdbi())));
    sessions.onEnd(hub::sessionsEnded);
    Parts parts = watch(lifecycle, config, database, redis, temporal);

    ActiveKeys activeKeys = new ActiveKeys(database.jdbi());
    Projects projects = new Projects(database.jdbi(), json, audit);
    TemporalWebUi webUi = new TemporalWebUi(config.temporal.uiUrl, config.temporal.namespace);
    return new NovaServices(
        config,
        json,
        database,
        redis,
        temporal,
        parts,
        sessions,
        firstRun.adminSecret(),
        activeKeys,
        new LoginThrottle(redis.client()),
        audit,
        hub,
        llm,
        memory,
        memory.switches(temporal.client()),
        taskStore,
        agents,
        projects,
        new Access(database.jdbi(), activeKeys, sessions, audit),
        new TaskCommands(
            temporal.client(),
            projects,
            database.jdbi(),
            config.temporal.remindAfter.toSeconds(),
            config.temporal.updatesPerRun,
            parts),
        new TaskHistory(temporal.client(), webUi, config.temporal.namespace, json),
        webUi);
  }

  /**
   * Watches PostgreSQL, Redis and Temporal; when Temporal comes back, its workers are renewed and
   * the workflows it lost are started again.
   */
  private static Parts watch(
      LifecycleEnvironment lifecycle,
      NovaConfiguration config,
      Database database,
      Redis redis,
      Temporal temporal) {
    LostWorkflows lost =
        new LostWorkflows(
            temporal.client(),
            database.jdbi(),
            config.temporal.remindAfter.toSeconds(),
            config.temporal.updatesPerRun);
    TemporalComeback comeback = manage(lifecycle, new TemporalComeback(temporal, lost::resumeAll));
    Parts parts =
        new Parts()
            .add(Outage.POSTGRESQL, database::ping)
            .add(Outage.REDIS, redis::ping)
            .add(Outage.TEMPORAL, temporal::ping);
    parts.onUp(Outage.TEMPORAL, comeback::temporalUp);
    return manage(lifecycle, parts);
  }

  private static <T extends Managed> T manage(LifecycleEnvironment lifecycle, T managed) {
    lifecycle.manage(managed);
    return managed;
  }
}
