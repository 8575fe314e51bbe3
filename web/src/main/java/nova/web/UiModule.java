package nova.web;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import nova.web.agent.AgentPages;
import nova.web.auth.AccessPage;
import nova.web.auth.AccountPage;
import nova.web.auth.LoginPage;
import nova.web.auth.SecurityPage;
import nova.web.llm.LlmPages;
import nova.web.llm.UsageDao;
import nova.web.memory.MemoryPages;
import nova.web.project.ProjectPage;
import nova.web.task.TaskPages;
import nova.web.ui.AssetsResource;
import nova.web.ui.Html;
import nova.web.ui.Templates;
import nova.web.ui.TemporalUiPage;

/** The admin app: its pages, parts and assets. */
final class UiModule {
  private UiModule() {}

  static void register(JerseyEnvironment jersey, NovaServices s) {
    Html html = new Html(new Templates(s.config().templatesDir));
    boolean secureCookies = s.config().auth.secureCookies;
    var jdbi = s.database().jdbi();
    jersey.register(new AssetsResource());
    jersey.register(
        new LoginPage(html, jdbi, s.sessions(), s.throttle(), secureCookies, s.audit()));
    jersey.register(new TaskPages(html, jdbi, s.commands(), s.history()));
    jersey.register(new ProjectPage(html, jdbi, s.projects()));
    jersey.register(new AccessPage(html, s.access()));
    jersey.register(
        new AccountPage(html, jdbi, s.sessions(), s.throttle(), secureCookies, s.audit()));
    jersey.register(new SecurityPage(html, jdbi));
    jersey.register(new LlmPages(html, s.llm().admin(), new UsageDao(jdbi)));
    jersey.register(new AgentPages(html, s.agents()));
    jersey.register(new MemoryPages(html, s.memory().services(), s.memorySwitches(), s.webUi()));
    jersey.register(new TemporalUiPage(html, s.webUi()));
  }
}
