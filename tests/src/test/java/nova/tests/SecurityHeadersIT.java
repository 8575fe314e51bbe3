package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser-side defences on every kind of answer: a page, an API refusal, an asset, a route that
 * does not exist.
 */
class SecurityHeadersIT {
  private static final List<String> PATHS =
      List.of("/login", "/", "/api/v1/tasks", "/assets/nova.css", "/no/such/page");

  @Test
  void everyAnswerCarriesThemAndNoInlineScriptMayRun() {
    for (String path : PATHS) {
      Api.Reply reply = Api.anonymous().get(path);
      String policy = reply.header("Content-Security-Policy").orElse("");
      assertThat(policy)
          .as(path)
          .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
      assertThat(scriptSources(policy)).as(path).doesNotContain("'unsafe-inline'", "'unsafe-eval'");
      assertThat(reply.header("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(reply.header("Referrer-Policy"))
          .as(path)
          .contains("strict-origin-when-cross-origin");
      assertThat(reply.header("Strict-Transport-Security"))
          .as("no HSTS over plain HTTP: " + path)
          .isEmpty();
    }
  }

  @Test
  void hstsOnceCookiesAreSecure() throws Exception {
    Path log = Files.createDirectories(Path.of("target")).resolve("security-headers-it-server.log");
    try (ServerProcess https = new ServerProcess(log).with("NOVA_SECURE_COOKIES", "true").start()) {
      Api.Reply reply = Api.at(https.baseUrl()).get("/login");
      assertThat(reply.header("Strict-Transport-Security").orElse(""))
          .startsWith("max-age=31536000");
    }
  }

  private static String scriptSources(String policy) {
    for (String directive : policy.split(";")) {
      if (directive.trim().startsWith("script-src")) return directive;
    }
    return "";
  }
}
