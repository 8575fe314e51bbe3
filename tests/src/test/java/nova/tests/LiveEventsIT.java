package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Task events travel from the workflow's activity through Redis to every open page's SSE stream.
 */
class LiveEventsIT {
  @Test
  void anOpenPageHearsEveryTransitionOfATask() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(true);
    String id = Fixtures.task(agent);
    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(NovaServer.baseUrl() + "/events"))
                    .header("Cookie", admin.cookie())
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    stream.body().forEach(lines::add);
                  } catch (UncheckedIOException closedByTheTest) {
                    // the test closes the stream when it has heard enough
                  }
                });
    try {
      waitFor(lines, ": connected");
      agent.api().post("/api/v1/server/tasks/" + id + "/plan", Map.of("text", "a plan"));
      String event = waitFor(lines, "\"task_id\":\"" + id + "\"");
      assertThat(event).contains("\"type\":\"plan_submitted\"", "\"status\":\"plan_review\"");
      Api.admin().post("/api/v1/tasks/" + id + "/plan/approve", Map.of());
      assertThat(waitFor(lines, "plan_approved")).contains("\"status\":\"running\"");
    } finally {
      stream.body().close();
      reader.interrupt();
    }
  }

  @Test
  void aPageThatComesBackWithItsLastEventIdGetsWhatItMissedInOrder() throws Exception {
    Fixtures.Agent agent = Fixtures.agent(true);
    String id = Fixtures.task(agent);
    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    String lastSeen;
    try (EventStream page =
        EventStream.open(NovaServer.baseUrl(), null, "Cookie", admin.cookie())) {
      agent.api().post("/api/v1/server/tasks/" + id + "/plan", Map.of("text", "a plan"));
      lastSeen = page.next("task", "\"type\":\"plan_submitted\"", 10).id();
    }
    assertThat(lastSeen).as("each event carries its stream id").matches("\\d+-\\d+");
    // away: two changes happen while the page is closed
    Api.admin().post("/api/v1/tasks/" + id + "/plan/approve", Map.of());
    agent.api().post("/api/v1/server/tasks/" + id + "/complete", Map.of("text", "done"));
    try (EventStream page =
        EventStream.open(NovaServer.baseUrl(), lastSeen, "Cookie", admin.cookie())) {
      var approved = page.next("task", "\"task_id\":\"" + id + "\"", 10);
      assertThat(approved.data()).contains("plan_approved");
      var completed = page.next("task", "\"task_id\":\"" + id + "\"", 10);
      assertThat(completed.data()).contains("\"status\":\"done\"");
      assertThat(completed.id()).isGreaterThan(approved.id());
    }
  }

  @Test
  void aLastEventIdTheServerCannotResumeFromAsksThePageToFetchEverythingAgain() throws Exception {
    Session admin = Session.login("admin", NovaServer.ADMIN_PASSWORD);
    Fixtures.task(Fixtures.agent(false)); // the stream holds at least one event
    for (String unusable : new String[] {"not-an-id", "0-1"}) {
      try (EventStream page =
          EventStream.open(NovaServer.baseUrl(), unusable, "Cookie", admin.cookie())) {
        assertThat(page.next("resync", "", 10).name()).as(unusable).isEqualTo("resync");
      }
    }
  }

  @Test
  void theStreamIsForPeopleWhoAreLoggedIn() {
    assertThat(Api.anonymous().get("/events").status()).isEqualTo(401);
  }

  private static String waitFor(BlockingQueue<String> lines, String fragment)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.contains(fragment)) return line;
    }
    throw new AssertionError("no SSE line with " + fragment + " within 10 s");
  }
}
