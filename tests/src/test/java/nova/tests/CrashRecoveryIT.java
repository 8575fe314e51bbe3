package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the Nova server alone, with tasks waiting in every state: a new server process against
 * the same Temporal, PostgreSQL and Redis drives each of them to done: Temporal (the CLI's
 * development server) hands the dead worker's sticky queue to the live one.
 *
 * <p>Both servers run in a database and a Temporal namespace of their own (which the first one
 * registers, as Nova does on any cluster that lacks its namespace), so that no other worker of the
 * test run can take these workflows.
 */
class CrashRecoveryIT {
  private final Map<String, String> tasks = new LinkedHashMap<>();

  @Test
  void everyOpenTaskGoesOnToDoneAfterTheServerIsKilled() throws Exception {
    Path log = Files.createDirectories(Path.of("target")).resolve("crash-recovery-it-server.log");
    String database = Fixtures.freshDatabaseUrl("nova_crash_recovery_it");
    String namespace = "crash-recovery-" + UUID.randomUUID().toString().substring(0, 8);
    ServerAgent planned;
    ServerAgent direct;
    try (ServerProcess first = server(log, database, namespace)) {
      Api admin = Api.admin(first.baseUrl());
      planned = ServerAgent.register(first.baseUrl(), admin, true);
      direct = ServerAgent.register(first.baseUrl(), admin, false);
      tasks.put("pending", create(admin, planned, false));
      tasks.put("assigned", create(admin, direct, true));
      tasks.put("planning", create(admin, planned, true));
      tasks.put("plan_review", create(admin, planned, true));
      act(planned.api(), tasks.get("plan_review"), "plan", "plan_review");
      for (String state : List.of("running", "needs_human", "review")) {
        tasks.put(state, create(admin, direct, true));
        act(direct.api(), tasks.get(state), "start", "running");
      }
      act(direct.api(), tasks.get("needs_human"), "help", "needs_human");
      act(direct.api(), tasks.get("review"), "submit", "review");
      tasks.forEach((state, id) -> assertThat(status(admin, id)).as(state).isEqualTo(state));
      first.kill9();
    }
    try (ServerProcess second = server(log, database, namespace)) {
      Api admin = Api.admin(second.baseUrl());
      Api plannedAgent = planned.at(second.baseUrl());
      Api directAgent = direct.at(second.baseUrl());
      List<String> waits = new ArrayList<>();
      long started = System.nanoTime();
      // The first action on each task is the one that used to hang; each is timed for the log.
      timed(
          waits,
          "pending",
          () ->
              expect(
                  admin.post(path("pending", "/assign"), Map.of("server", planned.name())),
                  "planning"));
      timed(waits, "assigned", () -> act(directAgent, tasks.get("assigned"), "start", "running"));
      timed(
          waits, "planning", () -> act(plannedAgent, tasks.get("planning"), "plan", "plan_review"));
      timed(
          waits,
          "plan_review",
          () -> expect(admin.post(path("plan_review", "/plan/approve"), Map.of()), "running"));
      timed(waits, "running", () -> act(directAgent, tasks.get("running"), "complete", "done"));
      timed(
          waits,
          "needs_human",
          () -> {
            String intervention =
                admin
                    .get(path("needs_human", ""))
                    .json()
                    .path("interventions")
                    .get(0)
                    .path("id")
                    .asText();
            expect(
                admin.post(
                    path("needs_human", "/interventions/" + intervention + "/respond"),
                    Map.of("text", "yes")),
                "running");
          });
      timed(
          waits,
          "review",
          () -> expect(admin.post(path("review", "/review/approve"), Map.of()), "done"));
      System.out.printf(
          "first action after the restart, per task: %s (all within %d ms)%n",
          waits, (System.nanoTime() - started) / 1_000_000);

      act(plannedAgent, tasks.get("pending"), "plan", "plan_review");
      expect(admin.post(path("pending", "/plan/approve"), Map.of()), "running");
      act(plannedAgent, tasks.get("pending"), "complete", "done");
      act(directAgent, tasks.get("assigned"), "complete", "done");
      expect(admin.post(path("planning", "/plan/approve"), Map.of()), "running");
      act(plannedAgent, tasks.get("planning"), "complete", "done");
      act(plannedAgent, tasks.get("plan_review"), "complete", "done");
      act(directAgent, tasks.get("needs_human"), "complete", "done");
      for (var task : tasks.entrySet()) {
        JsonNode detail = admin.get("/api/v1/tasks/" + task.getValue()).json();
        assertThat(detail.path("task").path("status").asText()).as(task.getKey()).isEqualTo("done");
        List<Long> seqs = new ArrayList<>();
        detail.path("events").forEach(e -> seqs.add(e.path("seq").asLong()));
        assertThat(seqs)
            .as("events of the task that was " + task.getKey() + ": none lost, none twice")
            .isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());
      }
    }
  }

  private static ServerProcess server(Path log, String database, String namespace)
      throws Exception {
    return new ServerProcess(log)
        .with("DATABASE_URL", database)
        .with("TEMPORAL_NAMESPACE", namespace)
        .start();
  }

  private String path(String state, String action) {
    return "/api/v1/tasks/" + tasks.get(state) + action;
  }

  private static String create(Api admin, ServerAgent agent, boolean assign) {
    Map<String, Object> body =
        new LinkedHashMap<>(
            Map.of(
                "title",
                Fixtures.unique("task"),
                "spec",
                "survive a crash",
                "project",
                agent.project()));
    if (assign) body.put("server", agent.name());
    Api.Reply created = admin.post("/api/v1/tasks", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  private static void act(Api agent, String taskId, String action, String expected) {
    expect(
        agent.post(
            "/api/v1/server/tasks/" + taskId + "/" + action, Map.of("text", action + " after all")),
        expected);
  }

  private static void expect(Api.Reply reply, String status) {
    Fixtures.expect(reply, status);
  }

  private static String status(Api admin, String id) {
    return admin.get("/api/v1/tasks/" + id).json().path("task").path("status").asText();
  }

  private static void timed(List<String> waits, String state, Runnable action) {
    long t0 = System.nanoTime();
    action.run();
    waits.add(state + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  /** A server registered to a project of its own, through the given Nova server's API. */
}
