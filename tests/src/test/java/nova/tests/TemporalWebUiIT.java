package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Temporal as bin/nova dev gives it to a person: the real development server with Temporal's Web UI
 * beside it. A task's workflow is found by visibility queries, the task page links to its run in
 * the Web UI, that page shows the run's Updates, and the Web UI refuses to act on a workflow.
 */
class TemporalWebUiIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String TEMPORAL =
      System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7243");

  /** Its own, which its server registers: no other worker of the run may take these workflows. */
  private static final String NAMESPACE =
      "web-ui-it-" + UUID.randomUUID().toString().substring(0, 8);

  private static PartProcess.WebUi webUi;
  private static ServerProcess nova;
  private static Api admin;
  private static ServerAgent agent;
  private static WorkflowServiceStubs service;
  private static WorkflowClient client;
  private static String ui;

  @BeforeAll
  static void stack() throws Exception {
    webUi =
        new PartProcess.WebUi(Path.of("target", "temporal-web-ui").toAbsolutePath(), TEMPORAL)
            .start();
    ui = webUi.url();
    Path log = Files.createDirectories(Path.of("target")).resolve("temporal-web-ui-it-server.log");
    // a database of its own, so its admin signs in with a known password
    nova =
        new ServerProcess(log)
            .with("DATABASE_URL", Fixtures.freshDatabaseUrl("nova_temporal_web_ui_it"))
            .with("TEMPORAL_NAMESPACE", NAMESPACE)
            .with("TEMPORAL_UI_URL", ui)
            .with("NOVA_ADMIN_PASSWORD", NovaServer.ADMIN_PASSWORD)
            .start();
    admin = Api.admin(nova.baseUrl());
    agent = ServerAgent.register(nova.baseUrl(), admin, false);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(TEMPORAL).build());
    client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE).build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) service.shutdown();
    if (nova != null) nova.close();
    if (webUi != null) webUi.close();
  }

  @Test
  void visibilityQueriesFindATasksWorkflowByTypeAndStatus() throws Exception {
    String task = runningTask();
    String workflow = "task-" + task;
    List<WorkflowExecutionMetadata> running =
        eventually(
            "the running task's workflow listed",
            () ->
                list(
                    "WorkflowType = 'TaskWorkflow' AND ExecutionStatus = 'Running' AND WorkflowId ="
                        + " '"
                        + workflow
                        + "'"),
            l -> l.size() == 1);
    assertThat(running.getFirst().getWorkflowType()).isEqualTo("TaskWorkflow");

    Fixtures.expect(
        agent.api().post("/api/v1/server/tasks/" + task + "/complete", Map.of("text", "done")),
        "done");
    List<WorkflowExecutionMetadata> closed =
        eventually(
            "the done task's workflow listed as completed",
            () -> list("WorkflowId = '" + workflow + "' AND ExecutionStatus = 'Completed'"),
            l -> l.size() == 1);
    assertThat(closed.getFirst().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    assertThat(list("WorkflowId = '" + workflow + "' AND ExecutionStatus = 'Running'")).isEmpty();
  }

  @Test
  void theWebUiShowsATasksWorkflowButRefusesToActOnIt() throws Exception {
    String task = runningTask();
    HttpResponse<String> settings = get(ui + "/api/v1/settings", null);
    assertThat(settings.statusCode()).isEqualTo(200);
    assertThat(Api.JSON.readTree(settings.body()).path("DisableWriteActions").asBoolean())
        .as(settings.body())
        .isTrue();

    HttpResponse<String> described =
        get(ui + "/api/v1/namespaces/" + NAMESPACE + "/workflows/task-" + task, null);
    assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
    assertThat(described.body()).contains("TaskWorkflow", "WORKFLOW_EXECUTION_STATUS_RUNNING");

    // a terminate with the UI's own CSRF cookie and header, as its page would send it
    HttpResponse<String> page = get(ui + "/", null);
    String csrf =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("_csrf="))
            .findFirst()
            .orElseThrow()
            .split(";")[0];
    HttpResponse<String> terminate =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        ui
                            + "/api/v1/namespaces/"
                            + NAMESPACE
                            + "/workflows/task-"
                            + task
                            + "/terminate"))
                .header("Cookie", csrf)
                .header("X-CSRF-TOKEN", csrf.substring("_csrf=".length()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"a person tries\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(terminate.statusCode()).as(terminate.body()).isEqualTo(405);
    assertThat(client.newUntypedWorkflowStub("task-" + task).describe().getStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    Fixtures.expect(
        agent.api().post("/api/v1/server/tasks/" + task + "/complete", Map.of("text", "done")),
        "done");
  }

  @Test
  void aPersonFollowsTheTaskPagesLinkToTheRunAndSeesItsUpdates() throws Exception {
    String task = runningTask();
    Fixtures.expect(
        agent
            .api()
            .post("/api/v1/server/tasks/" + task + "/help", Map.of("text", "which database?")),
        "needs_human");
    String run =
        admin
            .get("/api/v1/tasks/" + task + "/history")
            .json()
            .path("runs")
            .get(0)
            .path("run_id")
            .asText();
    String runPage =
        ui + "/namespaces/" + NAMESPACE + "/workflows/task-" + task + "/" + run + "/history";
    assertThat(
            admin
                .get("/api/v1/tasks/" + task + "/history")
                .json()
                .path("runs")
                .get(0)
                .path("web_ui_url")
                .asText())
        .isEqualTo(runPage);

    WebDriver browser = HeadlessChromium.start();
    try {
      browser.get(nova.baseUrl() + "/login");
      browser.findElement(By.name("username")).sendKeys("admin");
      browser.findElement(By.name("password")).sendKeys(NovaServer.ADMIN_PASSWORD);
      browser.findElement(By.cssSelector("button[type=submit]")).click();
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> d.getCurrentUrl().equals(nova.baseUrl() + "/"));
      String nav = browser.findElement(By.linkText("Temporal")).getAttribute("href");
      assertThat(nav).isEqualTo(nova.baseUrl() + "/temporal");

      browser.get(nova.baseUrl() + "/tasks/" + task);
      String link =
          browser
              .findElement(By.linkText("Open this run in the Temporal Web UI"))
              .getAttribute("href");
      assertThat(link).isEqualTo(runPage);
      browser.get(link);
      // the history lists each Update the task took, by name, as Temporal recorded it
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(d -> text(d).contains("Workflow Execution Update Accepted"));
      String shown = text(browser);
      assertThat(shown)
          .contains("task-" + task, "TaskWorkflow", run, "Workflow Execution Update Completed");
      assertThat(shown).as("the Updates by name").contains("Name\nstart", "Name\nrequestHelp");
      for (String action : List.of("Request Cancellation", "More Actions")) {
        var button = browser.findElement(By.xpath("//button[normalize-space()='" + action + "']"));
        assertThat(button.isEnabled()).as(action + " on a read-only Web UI").isFalse();
      }
    } finally {
      browser.quit();
    }
  }

  @Test
  void theNavigationsTemporalLinkGoesToTheWorkflowsInTheWebUi() throws Exception {
    HttpResponse<String> login =
        Session.attempt(nova.baseUrl(), "admin", NovaServer.ADMIN_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
    HttpResponse<String> temporal = get(nova.baseUrl() + "/temporal", Session.sessionCookie(login));
    assertThat(temporal.statusCode()).isEqualTo(303);
    String workflows = temporal.headers().firstValue("Location").orElseThrow();
    assertThat(workflows).isEqualTo(ui + "/namespaces/" + NAMESPACE + "/workflows");
    assertThat(get(workflows, null).statusCode()).as("the Web UI serves its page").isEqualTo(200);
    assertThat(get(nova.baseUrl() + "/temporal", null).statusCode())
        .as("signed out: to the login page")
        .isEqualTo(303);
  }

  @Test
  void withoutAWebUiTheTemporalLinkSaysHowToSetOne() throws Exception {
    Path log =
        Files.createDirectories(Path.of("target")).resolve("temporal-web-ui-it-unset-server.log");
    try (ServerProcess bare =
        new ServerProcess(log)
            .with("DATABASE_URL", Fixtures.freshDatabaseUrl("nova_temporal_web_ui_it_unset"))
            .with("TEMPORAL_NAMESPACE", NAMESPACE + "-bare")
            .with("TEMPORAL_UI_URL", "")
            .start()) {
      Api.Reply page = Api.admin(bare.baseUrl()).get("/temporal");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("No Temporal Web UI is configured", "TEMPORAL_UI_URL");
    }
  }

  private static String text(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static String runningTask() {
    Api.Reply created =
        admin.post(
            "/api/v1/tasks",
            Map.of(
                "title",
                Fixtures.unique("ui"),
                "spec",
                "be seen",
                "project",
                agent.project(),
                "server",
                agent.name()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String task = created.text("id");
    Fixtures.expect(
        agent.api().post("/api/v1/server/tasks/" + task + "/start", Map.of("text", "go")),
        "running");
    return task;
  }

  private static List<WorkflowExecutionMetadata> list(String query) {
    return client.listExecutions(query).toList();
  }

  private static HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) request.header("Cookie", cookie);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T> T eventually(String what, Supplier<T> read, Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline)
        throw new AssertionError(what + " within 20 s; last: " + last);
      Thread.sleep(200);
      last = read.get();
    }
    return last;
  }
}
