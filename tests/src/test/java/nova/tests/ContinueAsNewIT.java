package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A task whose workflow continues as new every three actions (NOVA_TASK_UPDATES_PER_RUN=3) goes
 * through its whole lifecycle as if it were one run: nothing lost, nothing twice, a repeated
 * request applied once across runs, and the history shows every run in order.
 */
class ContinueAsNewIT {
  @Test
  void aTaskOverManyRunsIsOneTaskAndItsHistoryShowsEveryRun() throws Exception {
    Path log = Files.createDirectories(Path.of("target")).resolve("continue-as-new-it-server.log");
    try (ServerProcess server =
        new ServerProcess(log).with("NOVA_TASK_UPDATES_PER_RUN", "3").start()) {
      Api admin = Api.admin(server.baseUrl());
      ServerAgent agent = ServerAgent.register(server.baseUrl(), admin, true);
      Api.Reply created =
          admin.post(
              "/api/v1/tasks",
              Map.of(
                  "title",
                  Fixtures.unique("chatty"),
                  "spec",
                  "talk a lot",
                  "project",
                  agent.project(),
                  "server",
                  agent.name()));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String task = "/api/v1/tasks/" + created.text("id");
      String mine = "/api/v1/server/tasks/" + created.text("id");
      Api keyed = agent.api().with("Idempotency-Key", "the-first-note");
      assertThat(keyed.post(mine + "/notes", Map.of("content", "first")).status()).isEqualTo(200);
      Fixtures.expect(agent.api().post(mine + "/plan", Map.of("text", "plan v1")), "plan_review");
      Fixtures.expect(admin.post(task + "/plan/revise", Map.of("text", "smaller")), "planning");
      Fixtures.expect(agent.api().post(mine + "/plan", Map.of("text", "plan v2")), "plan_review");
      // the same request again, in a later run than the one that applied it
      assertThat(keyed.post(mine + "/notes", Map.of("content", "first")).status()).isEqualTo(200);
      Fixtures.expect(admin.post(task + "/plan/approve", Map.of()), "running");
      List<Future<Api.Reply>> notes = new ArrayList<>();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 6; i++) {
          String content = "note " + i;
          notes.add(
              threads.submit(() -> agent.api().post(mine + "/notes", Map.of("content", content))));
        }
      }
      for (Future<Api.Reply> note : notes)
        assertThat(note.get().status()).as(note.get().body()).isEqualTo(200);
      Fixtures.expect(agent.api().post(mine + "/submit", Map.of("text", "the work")), "review");
      Fixtures.expect(admin.post(task + "/review/approve", Map.of()), "done");

      JsonNode detail = admin.get(task).json();
      assertThat(detail.path("notes").size()).as("the first note once, six more").isEqualTo(7);
      List<String> types = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      detail
          .path("events")
          .forEach(
              e -> {
                types.add(e.path("type").asText());
                seqs.add(e.path("seq").asLong());
              });
      assertThat(types).doesNotContain("resumed");
      assertThat(seqs)
          .as("events: none lost, none twice")
          .isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());

      JsonNode runs = admin.get(task + "/history").json().path("runs");
      assertThat(runs.size()).as("one run per three actions").isGreaterThanOrEqualTo(4);
      for (int i = 0; i < runs.size(); i++) {
        JsonNode events = runs.get(i).path("events");
        String last = events.get(events.size() - 1).path("eventType").asText();
        assertThat(last)
            .as("run %d ends", i)
            .endsWith(
                i == runs.size() - 1
                    ? "WORKFLOW_EXECUTION_COMPLETED"
                    : "WORKFLOW_EXECUTION_CONTINUED_AS_NEW");
        if (i > 0) {
          assertThat(
                  events
                      .get(0)
                      .path("workflowExecutionStartedEventAttributes")
                      .path("continuedExecutionRunId")
                      .asText())
              .as("run %d follows the one before", i)
              .isEqualTo(runs.get(i - 1).path("run_id").asText());
        }
      }
    }
  }
}
