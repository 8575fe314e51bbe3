package nova.web.ui;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import nova.web.NovaConfiguration;
import nova.web.agent.AgentPages;
import nova.web.agent.Agents;
import nova.web.auth.Access;
import nova.web.auth.AccessPage;
import nova.web.auth.AccountPage;
import nova.web.auth.LoginPage;
import nova.web.auth.LoginThrottle;
import nova.web.auth.SecurityLog;
import nova.web.auth.SecurityPage;
import nova.web.auth.SessionCookie;
import nova.web.llm.LlmModule;
import nova.web.llm.LlmPages;
import nova.web.llm.UsageQueries;
import nova.web.memory.MemoryModule;
import nova.web.memory.MemoryPages;
import nova.web.memory.ModelSwitchCommands;
import nova.web.platform.TemporalWebUi;
import nova.web.project.ProjectPage;
import nova.web.project.Projects;
import nova.web.task.TaskCommands;
import nova.web.task.TaskHistory;
import nova.web.task.TaskPages;
import org.jdbi.v3.core.Jdbi;

/** The admin app: its pages, parts and assets. */
public record UiModule(
    NovaConfiguration config,
    Jdbi jdbi,
    Projects projects,
    Access access,
    TaskCommands commands,
    TaskHistory history,
    SessionCookie sessions,
    SecurityLog audit,
    LoginThrottle throttle,
    boolean secureCookies,
    LlmModule llm,
    Agents agents,
    MemoryModule memory,
    ModelSwitchCommands memorySwitches,
    TemporalWebUi webUi) {

  public void register(JerseyEnvironment jersey) {
    Html html = new Html(new Templates(config.templatesDir));
    jersey.register(new AssetsResource());
    jersey.register(new LoginPage(html, jdbi, sessions, throttle, secureCookies, audit));
    jersey.register(new TaskPages(html, jdbi, commands, history));
    jersey.register(new ProjectPage(html, jdbi, projects));
    jersey.register(new AccessPage(html, access));
    jersey.register(new AccountPage(html, jdbi, sessions, throttle, secureCookies, audit));
    jersey.register(new SecurityPage(html, jdbi));
    jersey.register(new LlmPages(html, llm.admin(), new UsageQueries(jdbi)));
    jersey.register(new AgentPages(html, agents));
    jersey.register(new MemoryPages(html, memory.services(), memorySwitches, webUi));
    jersey.register(new TemporalUiPage(html, webUi));
  }
}
