package nova.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bin/nova bench gateway: chat completions through Nova's /v1 against the same requests sent
 * straight to the local model server behind it, in one run, streamed and not, at 1 and 32 clients,
 * for each model server given (unpaced: Nova's own cost; paced: what a caller of a fast hosted
 * model sees). Each pair alternates direct and Nova in short rounds so that the machine's noise
 * falls on both alike; the figures are throughput, its ratio, and the latency Nova adds at p50 and
 * p99 (for streams, to the first token and to the end).
 */
public final class GatewayBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROUNDS = 4;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private final ChatLoad load = new ChatLoad();

  /** {@code NOVA_URL SECRET SECONDS_EACH_WAY NAME=MODEL_SERVER_URL...} */
  public static void main(String[] args) throws Exception {
    String nova = args[0];
    String secret = args[1];
    Duration each = Duration.ofSeconds(Long.parseLong(args[2]));
    GatewayBench bench = new GatewayBench();
    String key =
        send(nova + "/api/v1/keys", secret, Map.of("name", "gateway-bench"), 201)
            .path("key")
            .asText();
    List<String> results = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      String[] named = args[i].split("=", 2);
      results.addAll(bench.run(nova, secret, key, "bench-" + (i - 2), named[0], named[1], each));
    }
    System.out.printf(
        "%n%-9s %7s  %-31s %-31s %5s  %s%n",
        "mode", "clients", "direct", "through Nova", "ratio", "added by Nova");
    results.forEach(System.out::println);
    System.out.println("\ntargets: throughput ratio >= 0.8, added p99 < 5 ms");
  }

  List<String> run(
      String nova,
      String secret,
      String key,
      String provider,
      String name,
      String server,
      Duration each)
      throws Exception {
    send(
        nova + "/api/v1/providers",
        secret,
        Map.of(
            "name",
            provider,
            "kind",
            "openai",
            "base_url",
            server,
            "api_key",
            "none",
            "models",
            List.of(Map.of("id", "builtin-chat"))),
        201);
    ChatLoad.Target direct =
        new ChatLoad.Target(server + "/chat/completions", null, "builtin-chat");
    ChatLoad.Target gateway =
        new ChatLoad.Target(nova + "/v1/chat/completions", key, provider + "/builtin-chat");
    // the JIT compiles the server's request path over the first ten thousand or so calls: measure
    // it compiled
    System.out.printf("%s: warming up both paths for %d s%n", name, 4 * WARM_UP.toSeconds());
    for (boolean stream : new boolean[] {false, true}) {
      load.run(direct, stream, 16, WARM_UP);
      load.run(gateway, stream, 16, WARM_UP);
    }
    List<String> lines = new ArrayList<>(List.of(name + ":"));
    for (boolean stream : new boolean[] {false, true}) {
      for (int clients : new int[] {1, 32}) {
        lines.add(measure(direct, gateway, stream, clients, each).line(stream, clients));
      }
    }
    return lines;
  }

  private Pair measure(
      ChatLoad.Target direct, ChatLoad.Target gateway, boolean stream, int clients, Duration each)
      throws Exception {
    System.out.printf(
        "measuring %s at %d client%s, %d s each way%n",
        stream ? "streamed" : "plain", clients, clients == 1 ? "" : "s", each.toSeconds());
    Duration round = each.dividedBy(ROUNDS);
    Totals d = new Totals();
    Totals g = new Totals();
    for (int r = 0; r < ROUNDS; r++) {
      d.add(load.run(direct, stream, clients, round));
      g.add(load.run(gateway, stream, clients, round));
    }
    return new Pair(d, g);
  }

  private static JsonNode send(String url, String secret, Object body, int expected)
      throws Exception {
    HttpResponse<String> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("X-Admin-Secret", secret)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != expected)
      throw new IllegalStateException(
          url + " answered " + reply.statusCode() + ": " + reply.body());
    return JSON.readTree(reply.body());
  }

  /** The rounds of one path, added up. */
  private static final class Totals {
    final Percentiles latency = new Percentiles();
    final Percentiles firstToken = new Percentiles();
    int answers;
    int errors;
    double seconds;

    void add(ChatLoad.Result r) {
      answers += r.answers();
      errors += r.errors();
      seconds += r.seconds();
      latency.addAll(r.latency());
      firstToken.addAll(r.firstToken());
    }

    String summary() {
      String errs = errors == 0 ? "" : " " + errors + " errors";
      return "%6.0f/s p50 %6.2f p99 %6.2f ms%s"
          .formatted(answers / seconds, latency.millis(50), latency.millis(99), errs);
    }
  }

  private record Pair(Totals direct, Totals gateway) {
    String line(boolean stream, int clients) {
      double ratio = (gateway.answers / gateway.seconds) / (direct.answers / direct.seconds);
      String added =
          "p50 %+.2f ms, p99 %+.2f ms"
              .formatted(
                  gateway.latency.millis(50) - direct.latency.millis(50),
                  gateway.latency.millis(99) - direct.latency.millis(99));
      if (stream) {
        added +=
            "; first token p50 %+.2f ms, p99 %+.2f ms"
                .formatted(
                    gateway.firstToken.millis(50) - direct.firstToken.millis(50),
                    gateway.firstToken.millis(99) - direct.firstToken.millis(99));
      }
      return "%-9s %7d  %-31s %-31s %5.2f  %s"
          .formatted(
              stream ? "streamed" : "plain",
              clients,
              direct.summary(),
              gateway.summary(),
              ratio,
              added);
    }
  }
}
