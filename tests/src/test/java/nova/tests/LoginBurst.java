package nova.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part of {@code bin/nova chaos}: many wrong logins at the same moment, each with its own login
 * form (as many browsers or a script would send them), while a signed-in admin keeps loading the
 * board. Reports what the logins were answered, the server's largest heap against its limit (from
 * Dropwizard's metrics), and the admin's page times before and during the burst.
 */
final class LoginBurst {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  record Report(
      Map<Integer, Integer> answers,
      long heapMaxUsedMb,
      long heapLimitMb,
      long pageBeforeP50,
      long pageDuringP50,
      long pageDuringWorst) {
    @Override
    public String toString() {
      return String.format(
          "logins answered %s; heap at most %d of %d MiB; the admin's board took p50 %d ms before,"
              + " p50 %d ms (worst %d ms) during the burst",
          answers, heapMaxUsedMb, heapLimitMb, pageBeforeP50, pageDuringP50, pageDuringWorst);
    }
  }

  static Report run(String base, String opsBase, String adminCookie, int attempts)
      throws Exception {
    List<Long> before = new ArrayList<>();
    for (int i = 0; i < 20; i++) before.add(page(base, adminCookie));
    List<String[]> forms = new ArrayList<>();
    for (int i = 0; i < attempts; i++) forms.add(loginForm(base));
    Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    List<Long> during = Collections.synchronizedList(new ArrayList<>());
    AtomicLong heapUsed = new AtomicLong();
    AtomicLong heapLimit = new AtomicLong();
    AtomicBoolean bursting = new AtomicBoolean(true);
    Thread watcher =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (bursting.get()) {
                    during.add(page(base, adminCookie));
                    heap(opsBase, heapUsed, heapLimit);
                    sleep(100);
                  }
                });
    CountDownLatch go = new CountDownLatch(1);
    try (var burst = Executors.newVirtualThreadPerTaskExecutor()) {
      AtomicInteger n = new AtomicInteger();
      for (String[] form : forms) {
        burst.submit(
            () -> {
              go.await();
              int status = wrongLogin(base, form, "nobody-" + n.incrementAndGet());
              answers.merge(status, 1, Integer::sum);
              return null;
            });
      }
      go.countDown();
    }
    bursting.set(false);
    watcher.join();
    heap(opsBase, heapUsed, heapLimit);
    return new Report(
        new TreeMap<>(answers),
        heapUsed.get() >> 20,
        heapLimit.get() >> 20,
        p50(before),
        p50(during),
        during.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  private static String[] loginForm(String base) throws Exception {
    HttpResponse<String> form =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    return new String[] {
      form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
      Session.match(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"")
    };
  }

  private static int wrongLogin(String base, String[] form, String username) {
    try {
      String body =
          "username="
              + Session.enc(username)
              + "&password=wrong-password&_csrf="
              + Session.enc(form[1]);
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Cookie", form[0])
                  .timeout(Duration.ofSeconds(60))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  private static long page(String base, String cookie) {
    long t0 = System.nanoTime();
    try {
      HTTP.send(
          HttpRequest.newBuilder(URI.create(base + "/"))
              .header("Cookie", cookie)
              .timeout(Duration.ofSeconds(60))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception ignored) {
      // counted as the time it took to fail
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void heap(String opsBase, AtomicLong used, AtomicLong limit) {
    try {
      JsonNode gauges =
          Api.JSON
              .readTree(
                  HTTP.send(
                          HttpRequest.newBuilder(URI.create(opsBase + "/metrics")).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .path("gauges");
      used.accumulateAndGet(gauges.path("jvm.memory.heap.used").path("value").asLong(), Math::max);
      limit.set(gauges.path("jvm.memory.heap.max").path("value").asLong());
    } catch (Exception ignored) {
      // a missed sample
    }
  }

  private static long p50(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
