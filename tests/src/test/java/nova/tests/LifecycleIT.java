package nova.tests;

import static nova.tests.Fixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The walk-through, over HTTP against the real PostgreSQL, Redis and Temporal processes.
 */
class LifecycleIT {
  @Test
  void aTaskGoesThroughPlanReviewAnInterventionAndReview() {
    Fixtures.Agent agent = Fixtures.agent(true);
    Api admin = Api.admin();
    String id = Fixtures.task(agent);
    assertThat(Fixtures.status(id)).isEqualTo("planning");
    String base = "/api/v1/tasks/" + id;
    String mine = "/api/v1/server/tasks/" + id;

    expect(agent.api().post(mine + "/plan", Map.of("text", "first plan")), "plan_review");
    expect(admin.post(base + "/plan/revise", Map.of("text", "also add tests")), "planning");
    assertThat(agent.api().get(mine).json().path("task").path("plan_feedback").asText())
        .isEqualTo("also add tests");
    expect(
        agent.api().post(mine + "/plan", Map.of("text", "second plan, with tests")), "plan_review");
    expect(admin.post(base + "/plan/approve", Map.of()), "running");

    JsonNode help =
        expect(agent.api().post(mine + "/help", Map.of("text", "Which database?")), "needs_human")
            .json();
    String interventionId = help.path("interventions").get(0).path("id").asText();
    expect(
        admin.post(
            base + "/interventions/" + interventionId + "/respond", Map.of("text", "PostgreSQL")),
        "running");
    JsonNode seenByAgent = agent.api().get(mine).json().path("interventions").get(0);
    assertThat(seenByAgent.path("answer").asText()).isEqualTo("PostgreSQL");
    assertThat(seenByAgent.path("status").asText()).isEqualTo("answered");

    expect(
        agent.api().post(mine + "/notes", Map.of("content", "halfway", "urgent", true)), "running");
    expect(admin.post(base + "/notes", Map.of("content", "thanks, carry on")), "running");
    expect(agent.api().post(mine + "/submit", Map.of("text", "PR #1")), "review");
    expect(
        admin.post(base + "/review/request-changes", Map.of("text", "rename the flag")), "running");
    expect(agent.api().post(mine + "/submit", Map.of("text", "PR #1, amended")), "review");
    JsonNode done = expect(admin.post(base + "/review/approve", Map.of()), "done").json();

    assertThat(types(done))
        .containsExactly(
            "created",
            "assigned",
            "plan_mode",
            "plan_submitted",
            "plan_revision_requested",
            "plan_submitted",
            "plan_approved",
            "help_requested",
            "intervention_answered",
            "note_added",
            "note_added",
            "submitted_for_review",
            "changes_requested",
            "submitted_for_review",
            "review_approved");
    assertThat(done.path("notes").get(0).path("urgent").asBoolean()).isTrue();
    assertThat(done.path("notes").get(1).path("author").asText()).isEqualTo("admin-secret");
    assertThat(done.path("task").path("result").asText()).isEqualTo("PR #1, amended");
  }

  @Test
  void withoutPlanApprovalTheAgentStartsAndCompletes() {
    Fixtures.Agent agent = Fixtures.agent(false);
    String id = Fixtures.task(agent);
    assertThat(Fixtures.status(id)).isEqualTo("assigned");
    expect(agent.api().post("/api/v1/server/tasks/" + id + "/start", Map.of()), "running");
    expect(
        agent
            .api()
            .post("/api/v1/server/tasks/" + id + "/complete", Map.of("text", "done and dusted")),
        "done");
  }

  @Test
  void anUnassignedTaskIsAssignedLater() {
    Fixtures.Agent agent = Fixtures.agent(true);
    Api.Reply created =
        Api.admin()
            .post(
                "/api/v1/tasks",
                Map.of("title", "later", "spec", "s", "project", agent.projectName()));
    assertThat(created.text("status")).isEqualTo("pending");
    String id = created.text("id");
    expect(
        Api.admin().post("/api/v1/tasks/" + id + "/assign", Map.of("server", agent.serverName())),
        "planning");
    assertThat(Api.admin().get("/api/v1/tasks?status=planning").body()).contains(id);
  }

  @Test
  void cancelWorksFromEveryStateThatIsNotFinal() {
    Fixtures.Agent agent = Fixtures.agent(true);
    List<String> ids = new ArrayList<>();
    ids.add(
        Api.admin()
            .post(
                "/api/v1/tasks", Map.of("title", "p", "spec", "s", "project", agent.projectName()))
            .text("id"));
    ids.add(Fixtures.task(agent));
    ids.add(Fixtures.taskInPlanReview(agent));
    String needsHuman = Fixtures.taskInPlanReview(agent);
    expect(Api.admin().post("/api/v1/tasks/" + needsHuman + "/plan/approve", Map.of()), "running");
    expect(
        agent.api().post("/api/v1/server/tasks/" + needsHuman + "/help", Map.of("text", "?")),
        "needs_human");
    ids.add(needsHuman);
    for (String id : ids) {
      JsonNode cancelled =
          expect(
                  Api.admin().post("/api/v1/tasks/" + id + "/cancel", Map.of("text", "not needed")),
                  "cancelled")
              .json();
      cancelled
          .path("interventions")
          .forEach(i -> assertThat(i.path("status").asText()).isEqualTo("cancelled"));
      Api.Reply again = Api.admin().post("/api/v1/tasks/" + id + "/cancel", Map.of());
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().path("detail").path("status").asText()).isEqualTo("cancelled");
    }
  }

  @Test
  void aRepeatedRequestWithTheSameIdempotencyKeyIsAppliedOnce() {
    Fixtures.Agent agent = Fixtures.agent(true);
    Api admin = Api.admin().with("Idempotency-Key", Fixtures.unique("key"));
    Api.Reply first =
        admin.post(
            "/api/v1/tasks",
            Map.of(
                "title",
                "once",
                "spec",
                "s",
                "project",
                agent.projectName(),
                "server",
                agent.serverName()));
    Api.Reply second =
        admin.post(
            "/api/v1/tasks",
            Map.of(
                "title",
                "once",
                "spec",
                "s",
                "project",
                agent.projectName(),
                "server",
                agent.serverName()));
    assertThat(second.text("id")).isEqualTo(first.text("id"));

    String id = first.text("id");
    assertThat(second.text("status"))
        .as("a repeat answers once the task is assigned, as the first request did")
        .isEqualTo("planning");
    Api note = agent.api().with("Idempotency-Key", "note-1");
    note.post("/api/v1/server/tasks/" + id + "/notes", Map.of("content", "only once"));
    JsonNode repeated =
        note.post("/api/v1/server/tasks/" + id + "/notes", Map.of("content", "only once")).json();
    assertThat(repeated.path("notes")).hasSize(1);
    assertThat(types(repeated).stream().filter("note_added"::equals)).hasSize(1);
  }

  @Test
  void aRepeatedCreateOfATaskThatHasEndedSinceAnswersWithThatTask() {
    Fixtures.Agent agent = Fixtures.agent(false);
    Api admin = Api.admin().with("Idempotency-Key", Fixtures.unique("key"));
    Map<String, Object> body =
        Map.of(
            "title",
            "short-lived",
            "spec",
            "s",
            "project",
            agent.projectName(),
            "server",
            agent.serverName());
    String id = admin.post("/api/v1/tasks", body).text("id");
    expect(Api.admin().post("/api/v1/tasks/" + id + "/cancel", Map.of()), "cancelled");
    Api.Reply repeated = admin.post("/api/v1/tasks", body);
    assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
    assertThat(repeated.text("id")).isEqualTo(id);
    assertThat(repeated.text("status")).isEqualTo("cancelled");
  }

  static List<String> types(JsonNode detail) {
    List<String> types = new ArrayList<>();
    detail.path("events").forEach(e -> types.add(e.path("type").asText()));
    return types;
  }
}
