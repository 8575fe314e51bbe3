package nova.conductor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import nova.conductor.RunningConductor;
import nova.conductor.Sse;
import nova.conductor.config.AppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agents that die or misbehave mid-request: the request fails over to another agent and the client
 * gets the whole answer, the bad agent is restarted, and the rest keep serving.
 */
class FaultsTest {
  private static final String PROMPT = "Tell me how a conductor fails over.";

  @Test
  void killNineMidStreamFailsOverAndRestartsTheAgent() throws Exception {
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1", "test", 40)) {
      String expected = answer(c);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(c.baseUrl() + "/openai/v1/chat/completions"))
              .POST(
                  HttpRequest.BodyPublishers.ofString(RunningConductor.chat("test", PROMPT, true)))
              .build();
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
      StringBuilder body = new StringBuilder();
      Agent victim = null;
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        int pieces = 0;
        for (String line; (line = lines.readLine()) != null; ) {
          body.append(line).append('\n');
          if (line.contains("\"content\":\"")
              && !line.contains("\"content\":\"\"")
              && ++pieces == 3) {
            victim =
                c.conductor().fleet().agents().stream()
                    .filter(a -> a.inFlight() > 0)
                    .findFirst()
                    .orElseThrow();
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly(); // kill -9
          }
        }
      }
      assertThat(victim).as("a streaming agent to kill").isNotNull();
      assertThat(Sse.text(body.toString())).isEqualTo(expected);
      Agent killed = victim;
      awaitReady(killed, 1);
      assertThat(killed.lastError()).contains("killed by signal 9");
      assertThat(answer(c)).isEqualTo(expected); // both agents serve again
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"garbage", "truncated"})
  void aMalformedFrameClosesOnlyThatAgentsConnection(String fault) throws Exception {
    AppConfig app = RunningConductor.testApp(2000);
    AgentLauncher mock = RunningConductor.launcher(app);
    AgentLauncher launcher =
        spec -> spec.node().equals("c1r1e0") ? garbageAgent(spec, fault) : mock.launch(spec);
    try (RunningConductor c =
        RunningConductor.start("single_model_config.toml", "c1r1", "test", app, launcher)) {
      Agent bad = c.conductor().fleet().agents().getFirst();
      assertThat(bad.spec().node()).isEqualTo("c1r1e0");
      // the least-loaded pick prefers the first engine, so this request meets the garbage and fails
      // over
      HttpResponse<String> r =
          c.post("/openai/v1/chat/completions", RunningConductor.chat("test", PROMPT, false));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(
              RunningConductor.json(r)
                  .path("choices")
                  .get(0)
                  .path("message")
                  .path("content")
                  .asText())
          .isNotBlank();
      awaitReady(bad, 1);
      assertThat(bad.lastError()).containsAnyOf("malformed", "closed", "failed");
      Agent good = c.conductor().fleet().agents().get(1);
      assertThat(good.restarts()).isZero();
      assertThat(good.completed()).isPositive();
    }
  }

  private static Process garbageAgent(AgentSpec spec, String fault) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                GarbageAgentMain.class.getName(),
                spec.socket().toString(),
                spec.node(),
                fault))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static String answer(RunningConductor c) throws Exception {
    HttpResponse<String> r =
        c.post("/openai/v1/chat/completions", RunningConductor.chat("test", PROMPT, false));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode answer = RunningConductor.json(r);
    return answer.path("choices").get(0).path("message").path("content").asText();
  }

  static void awaitReady(Agent agent, int restarts) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!(agent.restarts() >= restarts && agent.ready())) {
      assertThat(System.nanoTime())
          .as(agent.spec().node() + " restarted and ready; state " + agent.state())
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
