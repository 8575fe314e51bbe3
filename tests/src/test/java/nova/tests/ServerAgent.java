package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/** An agent registered on a Nova server process of a test's own, with a project of its own. */
record ServerAgent(String project, String name, String key, String base) {
  static ServerAgent register(String base, Api admin, boolean requirePlanApproval) {
    String project = Fixtures.unique("project");
    Api.Reply made =
        admin.post(
            "/api/v1/projects",
            Map.of("name", project, "require_plan_approval", requirePlanApproval));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String token =
        admin.post("/api/v1/registration-tokens", Map.of("project", project)).text("token");
    String name = Fixtures.unique("server");
    Api.Reply registered =
        Api.at(base)
            .post(
                "/api/v1/server/register",
                Map.of("token", token, "name", name, "capabilities", List.of("java")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return new ServerAgent(project, name, registered.text("api_key"), base);
  }

  Api api() {
    return at(base);
  }

  Api at(String server) {
    return Api.at(server).with("Authorization", "Bearer " + key);
  }
}
