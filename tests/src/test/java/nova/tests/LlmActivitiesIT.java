package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nova.activities.llm.FakeProvider;
import nova.activities.llm.FakeProvider.Plan;
import nova.activities.llm.ProviderKind;
import nova.activities.llm.gateway.GatewayTestSupport;
import nova.web.platform.Database;
import nova.workflows.llm.LlmFailure;
import nova.workflows.llm.messages.LlmPrompt;
import nova.workflows.llm.messages.LlmReply;
import nova.workflows.llm.messages.PromptMessage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LlmActivities as workflows call them: a test workflow on its own queue calls the Nova server's
 * LLM worker through the real Temporal server, with the production activity options, against a
 * local provider speaking OpenAI's protocol, with prompts and answers in the real PostgreSQL.
 */
class LlmActivitiesIT {
  private static final String QUEUE = "llm-probe-" + UUID.randomUUID();
  private FakeProvider fake;
  private Gateways gateways;
  private Database database;
  private WorkflowServiceStubs service;
  private WorkflowClient client;
  private WorkerFactory workers;

  @BeforeEach
  void start() throws Exception {
    NovaServer.baseUrl();
    fake = new FakeProvider(ProviderKind.OPENAI);
    gateways = new Gateways();
    database = Fixtures.database();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7243"))
                .build());
    client = WorkflowClient.newInstance(service);
    workers = WorkerFactory.newInstance(client);
    workers.newWorker(QUEUE).registerWorkflowImplementationTypes(LlmProbeWorkflow.Impl.class);
    workers.start();
  }

  @AfterEach
  void stop() {
    workers.shutdownNow();
    service.shutdown();
    gateways.close();
    fake.close();
    database.stop();
  }

  @Test
  void theAnswerIsStoredAndTheHistoryCarriesOnlyIds() {
    String model =
        gateways.provider(fake.otherwise(Plan.answer("Ceci", " est", " la réponse")), null)
            + "/m-1";
    UUID system =
        GatewayTestSupport.saveText(database.jdbi(), "You answer in French. " + UUID.randomUUID());
    UUID user = GatewayTestSupport.saveText(database.jdbi(), "Quelle est la réponse ?");
    assertThat(GatewayTestSupport.saveText(database.jdbi(), "Quelle est la réponse ?"))
        .as("a text is stored once")
        .isEqualTo(user);
    String workflowId = Fixtures.unique("probe");
    LlmPrompt prompt =
        new LlmPrompt(
            UUID.randomUUID(),
            List.of(model),
            null,
            List.of(new PromptMessage("system", system), new PromptMessage("user", user)),
            50);

    LlmReply reply = probe(workflowId, prompt, 2, 0);

    assertThat(GatewayTestSupport.text(database.jdbi(), reply.outputId()))
        .contains("Ceci est la réponse");
    assertThat(reply.model()).isEqualTo(model);
    assertThat(reply.outputTokens()).isPositive();
    assertThat(fake.received())
        .as("the second call with the same id is answered from PostgreSQL")
        .hasSize(1);
    JsonNode sent = fake.received().getFirst().body();
    assertThat(sent.path("messages").findValuesAsText("content"))
        .containsExactly(
            GatewayTestSupport.text(database.jdbi(), system).orElseThrow(),
            "Quelle est la réponse ?");
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(50);
    assertThat(call(prompt.callId()))
        .containsEntry("status", "done")
        .containsEntry("attempts", 1)
        .containsEntry("workflow_id", workflowId);
    assertThat(UsageRows.outcomes(model.split("/")[0])).containsExactly("ok");
    String history = payloads(client.fetchHistory(workflowId).toJson(false));
    assertThat(history)
        .contains(prompt.callId().toString())
        .contains(reply.outputId().toString())
        .doesNotContain("la réponse")
        .doesNotContain("You answer in French");

    JsonNode audited = Api.admin().get("/api/v1/llm-calls/" + prompt.callId()).json();
    assertThat(audited.path("prompt").findValuesAsText("text"))
        .containsExactly(
            GatewayTestSupport.text(database.jdbi(), system).orElseThrow(),
            "Quelle est la réponse ?");
    assertThat(audited.path("output").asText()).contains("Ceci est la réponse");
    assertThat(audited.path("model").asText()).isEqualTo(model);
    assertThat(
            Api.admin()
                .get("/api/v1/llm-calls?workflow_id=" + workflowId)
                .json()
                .path("calls")
                .findValuesAsText("id"))
        .containsExactly(prompt.callId().toString());
    assertThat(Api.admin().get("/api/v1/llm-calls").status()).isEqualTo(400);
    assertThat(Api.admin().get("/api/v1/llm-calls/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void transientFailuresRetryWithBackoffAndTheProvidersRetryAfter() {
    String model =
        gateways.provider(
                fake.then(Plan.error(429, "slow down", "1"))
                    .then(Plan.error(503, "overloaded", null))
                    .otherwise(Plan.answer("third time")),
                null)
            + "/m-1";
    LlmPrompt prompt = prompt(List.of(model), null, "Try again");

    LlmReply reply = probe(Fixtures.unique("probe"), prompt, 1, 0);

    assertThat(GatewayTestSupport.text(database.jdbi(), reply.outputId())).contains("third time");
    assertThat(fake.received()).hasSize(3);
    assertThat(call(prompt.callId())).containsEntry("status", "done").containsEntry("attempts", 3);
  }

  @Test
  void refusalsUnknownModelsAndMissingTextsFailWithoutRetry() {
    String model =
        gateways.provider(fake.then(Plan.error(400, "max_tokens is too large", null)), null)
            + "/m-1";
    LlmPrompt refused = prompt(List.of(model), null, "Write a novel");
    assertThat(failure(refused))
        .satisfies(
            f -> {
              assertThat(f.getType()).isEqualTo(LlmFailure.REQUEST_REFUSED.name());
              assertThat(f.getOriginalMessage()).contains("max_tokens is too large");
            });
    assertThat(fake.received()).as("a refusal is not retried").hasSize(1);
    assertThat(call(refused.callId()))
        .containsEntry("status", "failed")
        .containsEntry("attempts", 1);

    assertThat(failure(prompt(List.of("nowhere/none"), null, "Hi")).getType())
        .isEqualTo(LlmFailure.UNKNOWN_MODEL.name());
    assertThat(failure(prompt(List.of(), UUID.randomUUID(), "Hi")).getOriginalMessage())
        .contains("does not exist");
    LlmPrompt missing =
        new LlmPrompt(
            UUID.randomUUID(),
            List.of(model),
            null,
            List.of(new PromptMessage("user", UUID.randomUUID())),
            null);
    assertThat(failure(missing).getType()).isEqualTo(LlmFailure.MISSING_TEXT.name());
    LlmPrompt badRole =
        new LlmPrompt(
            UUID.randomUUID(),
            List.of(model),
            null,
            List.of(
                new PromptMessage("wizard", GatewayTestSupport.saveText(database.jdbi(), "Hi"))),
            null);
    assertThat(failure(badRole).getOriginalMessage()).contains("wizard").contains("user");
    assertThat(fake.received()).hasSize(1);
  }

  @Test
  void aSlowAnswerKeepsHeartbeatingPastTheHeartbeatTimeout() {
    String model =
        gateways.provider(
                fake.otherwise(
                    Plan.answer("slow", " but", " steady", " wins")
                        .slowStart(Duration.ofMillis(1500))
                        .paced(Duration.ofMillis(400))),
                null)
            + "/m-1";
    LlmPrompt prompt = prompt(List.of(model), null, "Take your time");

    LlmReply reply = probe(Fixtures.unique("probe"), prompt, 1, 1000);

    assertThat(GatewayTestSupport.text(database.jdbi(), reply.outputId()))
        .contains("slow but steady wins");
    assertThat(call(prompt.callId()))
        .as("one attempt, never timed out")
        .containsEntry("attempts", 1);
  }

  @Test
  void anAgentsModelsAndSystemPromptAreUsedWhenTheCallNamesNone() {
    String model = gateways.provider(fake.otherwise(Plan.answer("Aye")), null) + "/m-1";
    Api.Reply agent =
        Api.admin()
            .post(
                "/api/v1/agents",
                Map.of(
                    "name",
                    Fixtures.unique("pirate"),
                    "model",
                    model,
                    "system_prompt",
                    "Talk like a pirate."));
    assertThat(agent.status()).as(agent.body()).isEqualTo(201);
    try {
      LlmPrompt prompt = prompt(List.of(), UUID.fromString(agent.text("id")), "Hello");
      LlmReply reply = probe(Fixtures.unique("probe"), prompt, 1, 0);
      assertThat(reply.model()).isEqualTo(model);
      assertThat(fake.received().getFirst().body().path("messages").findValuesAsText("content"))
          .containsExactly("Talk like a pirate.", "Hello");
    } finally {
      Api.admin().delete("/api/v1/agents/" + agent.text("id"));
    }
  }

  private LlmPrompt prompt(List<String> models, UUID agent, String user) {
    return new LlmPrompt(
        UUID.randomUUID(),
        models,
        agent,
        List.of(new PromptMessage("user", GatewayTestSupport.saveText(database.jdbi(), user))),
        null);
  }

  private LlmReply probe(String workflowId, LlmPrompt prompt, int times, long heartbeatMillis) {
    LlmProbeWorkflow probe =
        client.newWorkflowStub(
            LlmProbeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(QUEUE)
                .setWorkflowId(workflowId)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .build());
    return probe.ask(new LlmProbeWorkflow.Probe(prompt, times, heartbeatMillis));
  }

  private ApplicationFailure failure(LlmPrompt prompt) {
    Throwable thrown =
        Assertions.catchThrowable(() -> probe(Fixtures.unique("probe"), prompt, 1, 0));
    assertThat(thrown).isInstanceOf(WorkflowFailedException.class);
    assertThat(thrown.getCause()).isInstanceOf(ActivityFailure.class);
    return (ApplicationFailure) thrown.getCause().getCause();
  }

  /**
   * Every payload of a history (inputs, results, failures), decoded: what the history actually
   * carries.
   */
  private static String payloads(String historyJson) {
    StringBuilder decoded = new StringBuilder();
    Matcher data = Pattern.compile("\"data\": \"([A-Za-z0-9+/=]+)\"").matcher(historyJson);
    while (data.find())
      decoded
          .append(new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8))
          .append('\n');
    return decoded.toString();
  }

  private Map<String, Object> call(UUID id) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT status, attempts, workflow_id FROM llm_calls WHERE id = :id")
                    .bind("id", id)
                    .mapToMap()
                    .one());
  }
}
