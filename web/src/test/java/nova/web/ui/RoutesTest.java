package nova.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import nova.web.agent.AgentPages;
import nova.web.auth.AccessPage;
import nova.web.auth.AccountPage;
import nova.web.auth.LoginPage;
import nova.web.auth.SecurityPage;
import nova.web.live.EventsResource;
import nova.web.llm.LlmPages;
import nova.web.memory.MemoryPages;
import nova.web.project.ProjectPage;
import nova.web.task.TaskPages;
import nova.workflows.task.TaskAction;
import org.glassfish.jersey.server.model.Resource;
import org.junit.jupiter.api.Test;

/** The admin app's route table: every path the templates link to is one a page answers. */
class RoutesTest {
  private static final List<Class<?>> PAGES =
      List.of(
          TaskPages.class,
          ProjectPage.class,
          AccessPage.class,
          AccountPage.class,
          LoginPage.class,
          SecurityPage.class,
          LlmPages.class,
          AgentPages.class,
          MemoryPages.class,
          TemporalUiPage.class,
          EventsResource.class,
          AssetsResource.class);

  @Test
  void everyPageRouteIsAPathOfAPage() throws Exception {
    List<String> served = PAGES.stream().flatMap(RoutesTest::paths).toList();
    for (Field route : Routes.class.getDeclaredFields()) {
      if (!Modifier.isStatic(route.getModifiers()) || route.getType() != String.class) continue;
      String path = (String) route.get(null);
      if (path.startsWith(Routes.API) || path.startsWith(Routes.OPENAI + "/")) continue;
      if (route.getName().equals("SERVER_REGISTER")) continue; // under API
      if (path.equals(Routes.OPENAI) || path.equals(Routes.HEALTH) || path.equals(Routes.ASSETS))
        continue;
      if (path.startsWith(Routes.ASSETS + "/")) path = Routes.ASSETS + "/{name}";
      assertThat(served).as(route.getName()).contains(path);
    }
  }

  @Test
  void linksFillTheTemplatesTheyAreMatchedBy() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertThat(Routes.task(id)).isEqualTo("/tasks/" + id);
    assertThat(Routes.taskMain(id)).isEqualTo("/tasks/" + id + "/parts/main");
    assertThat(Routes.taskAction(id, TaskAction.APPROVE_PLAN))
        .isEqualTo("/tasks/" + id + "/actions/approve_plan");
    assertThat(Routes.removeAlias("fast")).isEqualTo("/providers/aliases/fast/remove");
    assertThat(Routes.changePod(id)).isEqualTo("/agents/pods/" + id);
    assertThat(Routes.removePod(id)).isEqualTo("/agents/pods/" + id + "/remove");
    assertThat(Routes.userPassword(id)).isEqualTo("/users/" + id + "/password");
  }

  @Test
  void aTemplateAndItsValuesMustAgreeInNumber() {
    assertThatThrownBy(() -> Routes.fill(Routes.TASK_ACTION, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more parameters");
    assertThatThrownBy(() -> Routes.fill(Routes.TASK, "x", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fewer parameters");
  }

  private static Stream<String> paths(Class<?> page) {
    List<String> into = new ArrayList<>();
    collect(Resource.from(page), "", into);
    return into.stream();
  }

  private static void collect(Resource resource, String prefix, List<String> into) {
    String path = (prefix + "/" + resource.getPath()).replaceAll("/+", "/");
    if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
    if (!resource.getResourceMethods().isEmpty()) into.add(path);
    for (Resource child : resource.getChildResources()) collect(child, path, into);
  }
}
