package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's lpu provider kind against a real conductor process with mock agents: as a provider
 * an admin adds, and as the default a server routes to when NOVA_CONDUCTOR_URL is set and no
 * provider is enabled (as bin/nova dev runs it).
 */
class LpuGatewayIT {
  private static ConductorProcess conductor;

  @BeforeAll
  static void start() throws Exception {
    NovaServer.baseUrl();
    conductor = ConductorProcess.start("c1r1", "nova-lpu");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    conductor.close();
  }

  @Test
  void anLpuProviderServesChatsWholeAndStreamed() {
    try (Gateways gateways = new Gateways()) {
      String name = gateways.provider(conductor.baseUrl() + "/openai/v1", "lpu", "nova-lpu");
      Api.Reply whole = Gateways.chat(name + "/nova-lpu", false);
      assertThat(whole.status()).as(whole.body()).isEqualTo(200);
      String text = whole.json().path("choices").path(0).path("message").path("content").asText();
      assertThat(text).isEqualTo(direct());
      assertThat(whole.json().path("usage").path("completion_tokens").asInt()).isPositive();

      Api.Reply streamed = Gateways.chat(name + "/nova-lpu", true);
      assertThat(streamed.status()).isEqualTo(200);
      List<JsonNode> events = Gateways.events(streamed.body());
      assertThat(Gateways.text(events)).isEqualTo(text);
      assertThat(events.getLast().asText()).isEqualTo("[DONE]");
    }
  }

  @Test
  void aServerWithAConductorRoutesThereWhileNoProviderIsEnabled() throws Exception {
    Path log = Path.of("target", "lpu-default-server.log").toAbsolutePath();
    try (ServerProcess server =
        new ServerProcess(log).with("NOVA_CONDUCTOR_URL", conductor.baseUrl()).start()) {
      Api admin = Api.admin(server.baseUrl());
      Api.Reply models = admin.get("/v1/models");
      assertThat(models.json().path("data").findValuesAsText("id"))
          .contains("lpu/nova-lpu")
          .doesNotContain("local/builtin-chat");
      Api.Reply providers = admin.get("/api/v1/providers");
      assertThat(providers.body()).contains("\"kind\":\"lpu\"");
      Api.Reply whole =
          admin.post(
              "/v1/chat/completions",
              Map.of(
                  "model",
                  "lpu/nova-lpu",
                  "messages",
                  List.of(Map.of("role", "user", "content", "Say hello"))));
      assertThat(whole.status()).as(whole.body()).isEqualTo(200);
      assertThat(whole.json().path("choices").path(0).path("message").path("content").asText())
          .isEqualTo(direct());
    }
  }

  /** What the conductor answers itself to Gateways.chat's prompt. */
  private static String direct() {
    Api.Reply r =
        Api.at(conductor.baseUrl())
            .post(
                "/openai/v1/chat/completions",
                Map.of(
                    "model",
                    "nova-lpu",
                    "messages",
                    List.of(Map.of("role", "user", "content", "Say hello"))));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("choices").path(0).path("message").path("content").asText();
  }
}
