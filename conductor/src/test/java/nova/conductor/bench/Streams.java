package nova.conductor.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nova.conductor.RunningConductor;
import nova.conductor.route.InferenceRequest;
import nova.conductor.route.TokenSink;
import nova.conductor.wire.Body;

/**
 * Concurrent streamed completions for a while, counting tokens: through HTTP, or straight through
 * the router.
 */
final class Streams {
  record Result(long tokens, long requests, double seconds) {
    double tokensPerSecond() {
      return tokens / seconds;
    }

    double requestsPerSecond() {
      return requests / seconds;
    }
  }

  private Streams() {}

  static Result http(RunningConductor c, int clients, double seconds) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String body = RunningConductor.chat("bench", "stream me some tokens", true);
    return run(
        clients,
        seconds,
        tokens -> {
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(c.baseUrl() + "/openai/v1/chat/completions"))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build();
          HttpResponse<InputStream> r =
              client.send(request, HttpResponse.BodyHandlers.ofInputStream());
          try (BufferedReader lines =
              new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
              if (line.startsWith("data: {")
                  && line.contains("\"content\":\"")
                  && !line.contains("\"content\":\"\"")) tokens.incrementAndGet();
            }
          }
        });
  }

  static Result direct(RunningConductor c, int clients, double seconds) throws Exception {
    InferenceRequest request =
        new InferenceRequest(
            List.of(new Body.ChatMessage("user", "stream me some tokens", List.of())),
            1024,
            1f,
            "");
    return run(
        clients,
        seconds,
        tokens ->
            c.conductor()
                .router()
                .infer(
                    request,
                    new TokenSink() {
                      @Override
                      public void token(String text) {
                        tokens.incrementAndGet();
                      }

                      @Override
                      public void done(Body.Done done) {}
                    }));
  }

  interface OneRequest {
    void run(AtomicLong tokens) throws Exception;
  }

  private static Result run(int clients, double seconds, OneRequest one) throws Exception {
    AtomicLong tokens = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      while (System.nanoTime() < end) {
                        one.run(tokens);
                        requests.incrementAndGet();
                      }
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
    }
    for (Thread t : threads) t.join();
    return new Result(tokens.get(), requests.get(), (System.nanoTime() - started) / 1e9);
  }
}
