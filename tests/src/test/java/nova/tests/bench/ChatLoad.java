package nova.tests.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Closed-loop load on one chat completions URL: {@code clients} threads each send a request as soon
 * as the last one has been read to its end, for a given time. Records the full-answer latency, and
 * for streams the time to the first content chunk; a wrong answer counts as an error.
 */
final class ChatLoad {
  record Target(String url, String key, String model) {}

  record Result(
      int answers, int errors, double seconds, Percentiles latency, Percentiles firstToken) {
    double perSecond() {
      return answers / seconds;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Result run(Target target, boolean stream, int clients, Duration length) throws Exception {
    Percentiles latency = new Percentiles();
    Percentiles firstToken = new Percentiles();
    AtomicInteger answers = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    HttpRequest request = request(target, stream);
    long started = System.nanoTime();
    long end = started + length.toNanos();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        running.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok = stream ? streamed(request, t0, firstToken) : plain(request);
                    if (ok) {
                      latency.add(System.nanoTime() - t0);
                      answers.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) f.get();
    }
    return new Result(
        answers.get(), errors.get(), (System.nanoTime() - started) / 1e9, latency, firstToken);
  }

  private static HttpRequest request(Target target, boolean stream) {
    String body =
        """
        {"model": "%s", "stream": %s, "messages": [{"role": "user", "content": "Tell me about gateways."}]}\
        """
            .formatted(target.model(), stream);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(target.url()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target.key() != null) builder.header("Authorization", "Bearer " + target.key());
    return builder.build();
  }

  private boolean plain(HttpRequest request) {
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 && answer.body().contains("built-in local model");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private boolean streamed(HttpRequest request, long t0, Percentiles firstToken) {
    try {
      HttpResponse<Stream<String>> answer = http.send(request, HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = answer.body()) {
        if (answer.statusCode() != 200) return false;
        boolean first = true;
        for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
          String line = it.next();
          if (line.equals("data: [DONE]")) return !first;
          if (first
              && line.startsWith("data: ")
              && line.contains("\"content\":\"")
              && !line.contains("\"content\":\"\"")) {
            firstToken.add(System.nanoTime() - t0);
            first = false;
          }
        }
        return false;
      }
    } catch (IOException | InterruptedException | UncheckedIOException e) {
      return false;
    }
  }
}
