package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PostgreSQL, Redis and Temporal, each a real process of this test's own, stopped under a Nova
 * server and started again: actions answer 503 naming the part (never hang, never 409), readiness
 * names it, an accepted action's result comes back to the same Idempotency-Key, and open tasks go
 * on without restarting Nova. The bounds are loose: they catch a hang, not a slow machine.
 */
class OutageIT {
  private static Path dir;
  private static PartProcess.Postgres postgres;
  private static PartProcess.Redis redis;
  private static PartProcess.Temporal temporal;
  private static ServerProcess nova;
  private static Api admin;
  private static ServerAgent agent;

  @BeforeAll
  static void stack() throws Exception {
    // readable by the postgres user, which runs the cluster when the tests run as root
    dir =
        Files.createTempDirectory(
            "nova-outage-it",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    postgres = new PartProcess.Postgres(dir.resolve("pg")).start();
    redis = new PartProcess.Redis(dir.resolve("redis")).start();
    temporal = new PartProcess.Temporal(dir.resolve("temporal")).start();
    nova = server("a").start();
    admin = Api.admin(nova.baseUrl());
    agent = ServerAgent.register(nova.baseUrl(), admin, false);
  }

  @AfterAll
  static void stop() throws Exception {
    if (nova != null) nova.close();
    for (PartProcess part : new PartProcess[] {temporal, redis, postgres})
      if (part != null) part.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Each test starts from a ready stack, whatever the one before it left behind. */
  @BeforeEach
  void ready() throws Exception {
    Replies.eventually(
        "ready before the test", () -> admin.get("/health/ready"), r -> r.status() == 200);
  }

  @Test
  void postgresqlDownAnAcceptedActionsResultComesBackToTheSameKey() throws Exception {
    String inReview = runningTask();
    act(agent.api(), inReview, "submit", "review");
    String running = runningTask();
    postgres.stop();
    try {
      // the workflow takes the approval and retries storing it; the agent's help needs the database
      // before Temporal
      Replies.expect503(Replies.timed(() -> approve(inReview)), "postgresql", true);
      Replies.expect503(Replies.timed(() -> help(running, "pg-help")), "postgresql", false);
      Replies.expect503(
          Replies.timed(() -> admin.get("/api/v1/tasks/" + running)), "postgresql", null);
      Replies.expect503(
          Replies.timed(
              () ->
                  admin.post(
                      "/api/v1/tasks",
                      Map.of("title", "t", "spec", "s", "project", agent.project()))),
          "postgresql",
          false);
      JsonNode health =
          Replies.eventually(
                  "readiness names PostgreSQL and the change waiting to be stored",
                  () -> admin.get("/health/ready"),
                  r ->
                      r.status() == 503
                          && r.json().path("checks").path("postgresql").asText().startsWith("down")
                          && r.json().path("projections_waiting").toString().contains(inReview))
              .json();
      assertThat(health.path("checks").path("redis").asText()).isEqualTo("up");
    } finally {
      postgres.start();
    }
    Replies.eventually(
        "ready again without a restart",
        () -> admin.get("/health/ready"),
        r -> r.status() == 200 && r.json().path("projections_waiting").isEmpty());
    Api.Reply stored =
        Replies.eventually(
            "the accepted approval, answered to its key",
            () -> approve(inReview),
            r -> r.status() == 200);
    assertThat(stored.json().path("task").path("status").asText()).isEqualTo("done");
    assertGapless(inReview);
    Fixtures.expect(help(running, "pg-help"), "needs_human");
    finish(running);
  }

  @Test
  void redisDownAnActionWaitsOnItsNoticeAndAnOpenPageStillHearsIt() throws Exception {
    String task = runningTask();
    WebDriver browser = HeadlessChromium.start();
    try (EventStream page =
        EventStream.open(nova.baseUrl(), null, "X-Admin-Secret", NovaServer.ADMIN_SECRET)) {
      signIn(browser);
      redis.stop();
      try {
        // a person looking at the board is told which part is down, without reloading
        new WebDriverWait(browser, Duration.ofSeconds(20))
            .until(
                d -> d.findElement(By.id("outage")).getText().contains("Redis is not answering"));
        Replies.expect503(Replies.timed(() -> help(task, "redis-help")), "redis", true);
        assertThat(admin.get("/api/v1/tasks/" + task).status())
            .as("reads need no Redis")
            .isEqualTo(200);
        Replies.eventually(
            "readiness names Redis",
            () -> admin.get("/health/ready"),
            r ->
                r.status() == 503
                    && r.json().path("checks").path("redis").asText().startsWith("down"));
      } finally {
        redis.start();
      }
      Replies.eventually(
          "ready again without a restart",
          () -> admin.get("/health/ready"),
          r -> r.status() == 200);
      Replies.eventually(
          "the accepted help, answered to its key",
          () -> help(task, "redis-help"),
          r -> r.status() == 200);
      assertThat(page.next("task", "\"task_id\":\"" + task + "\"", 30).data())
          .as("the page open through the outage")
          .contains("needs_human");
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(d -> !d.findElement(By.id("outage")).isDisplayed());
    } finally {
      browser.quit();
    }
    finish(task);
  }

  @Test
  void temporalKilledActionsAreRefusedUnappliedAndOpenTasksGoOnInTheirOwnRun() throws Exception {
    String task = runningTask();
    String run =
        admin
            .get("/api/v1/tasks/" + task + "/history")
            .json()
            .path("runs")
            .get(0)
            .path("run_id")
            .asText();
    temporal.stop();
    long stopped = System.nanoTime();
    try {
      Replies.expect503(Replies.timed(() -> help(task, "temporal-help")), "temporal", false);
      Replies.expect503(
          Replies.timed(
              () ->
                  admin.post(
                      "/api/v1/tasks",
                      Map.of("title", "t", "spec", "s", "project", agent.project()))),
          "temporal",
          false);
      assertThat(admin.get("/api/v1/tasks/" + task).status())
          .as("reads need no Temporal")
          .isEqualTo(200);
      Replies.eventually(
          "readiness names Temporal",
          () -> admin.get("/health/ready"),
          r ->
              r.status() == 503
                  && r.json().path("checks").path("temporal").asText().startsWith("down"));
      // Down 30 s: each of the SDK's pollers doubles its pause after every failed poll (0.1 s,
      // 0.2 s, ... 25.6 s), so by now none would poll again within the server's 10 s bound.
      Thread.sleep(
          Math.max(
              0, Duration.ofSeconds(30).toMillis() - (System.nanoTime() - stopped) / 1_000_000));
    } finally {
      temporal.start();
    }
    Replies.eventually(
        "ready again without a restart", () -> admin.get("/health/ready"), r -> r.status() == 200);
    // a new task needs a poll of the task queue at once: the workers must not sleep out that
    // backoff
    finish(runningTask());
    Api.Reply help =
        Replies.eventually(
            "the task's workflow answers again",
            () -> help(task, "temporal-help"),
            r -> r.status() == 200);
    assertThat(help.json().path("task").path("status").asText()).isEqualTo("needs_human");
    // the development server kept the run through kill -9: nothing had to be re-created from
    // PostgreSQL
    assertThat(LifecycleIT.types(help.json())).doesNotContain("resumed");
    JsonNode runs = admin.get("/api/v1/tasks/" + task + "/history").json().path("runs");
    assertThat(runs.size()).isEqualTo(1);
    assertThat(runs.get(0).path("run_id").asText())
        .as("the run from before the crash")
        .isEqualTo(run);
    assertThat(runs.get(0).path("events").toString())
        .as("its history holds the update from before")
        .contains("\"start\"");
    finish(task);
  }

  @Test
  void theServerStartsWithoutTemporalAndIsReadyOnceItAnswers() throws Exception {
    temporal.stop();
    try (ServerProcess late = server("late")) {
      try {
        late.startLive();
        Api.Reply ready = Api.at(late.baseUrl()).get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(503);
        assertThat(ready.json().path("checks").path("temporal").asText()).startsWith("down");
      } finally {
        temporal.start();
      }
      late.awaitReady();
      Api.Reply created =
          Api.admin(late.baseUrl())
              .post(
                  "/api/v1/tasks",
                  Map.of(
                      "title",
                      "late",
                      "spec",
                      "s",
                      "project",
                      agent.project(),
                      "server",
                      agent.name()));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    Replies.eventually(
        "the first server is ready again too",
        () -> admin.get("/health/ready"),
        r -> r.status() == 200);
  }

  @Test
  void anOpenPageResumesFromItsLastEventAfterTheServerIsKilled() throws Exception {
    String task = assignedTask();
    String lastSeen;
    try (ServerProcess other = server("b").start()) {
      try (EventStream page =
          EventStream.open(nova.baseUrl(), null, "X-Admin-Secret", NovaServer.ADMIN_SECRET)) {
        act(agent.at(other.baseUrl()), task, "start", "running");
        lastSeen = page.next("task", "\"task_id\":\"" + task + "\"", 10).id();
        nova.kill9();
      }
      act(agent.at(other.baseUrl()), task, "help", "needs_human");
      nova = server("a", nova.port()).start();
      try (EventStream page =
          EventStream.open(nova.baseUrl(), lastSeen, "X-Admin-Secret", NovaServer.ADMIN_SECRET)) {
        assertThat(page.next("task", "\"task_id\":\"" + task + "\"", 10).data())
            .as("missed while the server was dead")
            .contains("needs_human");
      }
    }
    finish(task);
  }

  private static void signIn(WebDriver browser) {
    browser.get(nova.baseUrl() + "/login");
    browser.findElement(By.name("username")).sendKeys("admin");
    browser.findElement(By.name("password")).sendKeys(NovaServer.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("outage")).isEmpty());
  }

  private static ServerProcess server(String name) throws Exception {
    return server(name, 0);
  }

  /** port 0: a free one. */
  private static ServerProcess server(String name, int port) throws Exception {
    Path log =
        Files.createDirectories(Path.of("target")).resolve("outage-it-server-" + name + ".log");
    return (port == 0 ? new ServerProcess(log) : new ServerProcess(log, port))
        .with("DATABASE_URL", postgres.url())
        .with("REDIS_URL", redis.url())
        .with("TEMPORAL_ADDRESS", temporal.url())
        .with("NOVA_ADMIN_PASSWORD", NovaServer.ADMIN_PASSWORD);
  }

  private static String assignedTask() {
    Api.Reply created =
        admin.post(
            "/api/v1/tasks",
            Map.of(
                "title",
                Fixtures.unique("task"),
                "spec",
                "survive an outage",
                "project",
                agent.project(),
                "server",
                agent.name()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  private static String runningTask() {
    String task = assignedTask();
    act(agent.api(), task, "start", "running");
    return task;
  }

  private static Api.Reply help(String task, String key) {
    return agent
        .api()
        .with("Idempotency-Key", key)
        .post("/api/v1/server/tasks/" + task + "/help", Map.of("text", "stuck"));
  }

  private static Api.Reply approve(String task) {
    return admin
        .with("Idempotency-Key", "approve-" + task)
        .post("/api/v1/tasks/" + task + "/review/approve", Map.of());
  }

  private static void act(Api api, String task, String action, String expected) {
    Fixtures.expect(
        api.post("/api/v1/server/tasks/" + task + "/" + action, Map.of("text", action)), expected);
  }

  /**
   * Answers the open question, completes the task, and checks that no event was lost or stored
   * twice.
   */
  private static void finish(String task) {
    JsonNode detail = admin.get("/api/v1/tasks/" + task).json();
    for (JsonNode intervention : detail.path("interventions")) {
      if (intervention.path("status").asText().equals("open")) {
        Fixtures.expect(
            admin.post(
                "/api/v1/tasks/"
                    + task
                    + "/interventions/"
                    + intervention.path("id").asText()
                    + "/respond",
                Map.of("text", "go on")),
            "running");
      }
    }
    act(agent.api(), task, "complete", "done");
    assertGapless(task);
  }

  private static void assertGapless(String task) {
    List<Long> seqs = new ArrayList<>();
    admin
        .get("/api/v1/tasks/" + task)
        .json()
        .path("events")
        .forEach(e -> seqs.add(e.path("seq").asLong()));
    assertThat(seqs)
        .as("events: none lost, none twice")
        .isEqualTo(LongStream.range(0, seqs.size()).boxed().toList());
  }
}
