package nova.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporalWebUiTest {
  @Test
  void linksToTheNamespacesWorkflowsAWorkflowAndOneRunsHistory() {
    TemporalWebUi ui = new TemporalWebUi("http://127.0.0.1:8233/", "default");
    assertThat(ui.workflows()).contains("http://127.0.0.1:8233/namespaces/default/workflows");
    assertThat(ui.workflow("task-1"))
        .contains("http://127.0.0.1:8233/namespaces/default/workflows/task-1");
    assertThat(ui.run("task-1", "run-2"))
        .contains("http://127.0.0.1:8233/namespaces/default/workflows/task-1/run-2/history");
  }

  @Test
  void aNameThatIsNotAPathSegmentIsEncoded() {
    TemporalWebUi ui = new TemporalWebUi(" https://temporal.example/ui// ", "team a/b");
    assertThat(ui.workflow("x?y#z"))
        .contains("https://temporal.example/ui/namespaces/team%20a%2Fb/workflows/x%3Fy%23z");
  }

  @Test
  void noBaseUrlNoLinks() {
    for (String unset : new String[] {"", "  ", null}) {
      TemporalWebUi ui = new TemporalWebUi(unset, "default");
      assertThat(ui.workflows()).isEmpty();
      assertThat(ui.run("task-1", "run-2")).isEmpty();
    }
  }
}
