package nova.tests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nova.web.errors.Outage;

/**
 * {@code bin/nova chaos}: task lifecycles through every human gate while, at random moments, the
 * Nova server is killed with -9 and started again, and PostgreSQL, Redis and Temporal (each a
 * process of the benchmark's own) are each stopped for a while and started again. A client does
 * what a careful one does: on a broken connection, a timeout or a 5xx it sends the same request
 * again with the same Idempotency-Key. Prints how many lifecycles completed, how many task events
 * were duplicated or missing, how long an action waited at worst, the 503s each outage answered,
 * and how soon the server was ready after each fault. A fault benchmark, not a test: it lives
 * beside the ITs because it starts the same processes.
 */
public final class ChaosBench {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A lifecycle's events in order, after "created": the plan gate, a question, the review gate. */
  static final List<String> EVENTS =
      List.of(
          "created",
          "assigned",
          "plan_mode",
          "plan_submitted",
          "plan_approved",
          "help_requested",
          "intervention_answered",
          "submitted_for_review",
          "review_approved");

  private final Path log;
  private final List<Long> waitsMillis = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, AtomicInteger> unavailable = new ConcurrentHashMap<>();
  private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
  private final PartProcess.Postgres postgres;
  private final PartProcess.Redis redis;
  private final PartProcess.Temporal temporal;
  private volatile ServerProcess server;
  private volatile String base;
  private volatile String opsBase;

  private ChaosBench(Path log, Path parts) throws Exception {
    this.log = log;
    this.postgres = new PartProcess.Postgres(parts.resolve("pg"));
    this.redis = new PartProcess.Redis(parts.resolve("redis"));
    this.temporal = new PartProcess.Temporal(parts.resolve("temporal"));
  }

  public static void main(String[] args) throws Exception {
    int lifecycles = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int kills = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int outageSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    int logins = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    Path state = Files.createDirectories(Path.of(System.getProperty("nova.bench.state", "target")));
    // readable by the postgres user, which runs the cluster when this runs as root
    Path parts =
        Files.createDirectories(
            state.resolve("chaos-parts"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    new ChaosBench(state.resolve("chaos-servers.log"), parts)
        .run(lifecycles, concurrency, kills, outageSeconds, logins);
  }

  private void run(int lifecycles, int concurrency, int kills, int outageSeconds, int logins)
      throws Exception {
    postgres.start();
    redis.start();
    temporal.start();
    restart();
    Map<String, String> agent = register();
    System.out.printf(
        "chaos: %d lifecycles, %d at a time, while the Nova server is killed -9 %d times and"
            + " PostgreSQL, Redis and Temporal are each stopped for %d s (servers log to %s)%n",
        lifecycles, concurrency, kills, outageSeconds, log);
    AtomicInteger done = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    List<Future<String>> tasks = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < lifecycles; i++) {
      int n = i;
      tasks.add(
          clients.submit(
              () -> {
                try {
                  return lifecycle(agent, "chaos-" + n);
                } catch (RuntimeException refused) {
                  // A refusal the client can't retry ends this lifecycle; the report counts it as
                  // not completed.
                  System.out.printf("chaos: lifecycle %d stopped: %s%n", n, refused.getMessage());
                  return null;
                } finally {
                  int finished = done.incrementAndGet();
                  if (finished % 20 == 0)
                    System.out.printf("chaos: %d/%d lifecycles done%n", finished, lifecycles);
                }
              }));
    }
    try {
      int faultsDone = faultsWhileRunning(tasks, plan(kills), outageSeconds);
      List<String> ids = new ArrayList<>();
      for (Future<String> task : tasks) ids.add(task.get());
      report(ids, lifecycles, faultsDone, (System.nanoTime() - started) / 1e9);
      System.out.printf(
          "%nchaos: %d wrong logins at once while an admin loads the board%n", logins);
      String admin =
          Session.sessionCookie(Session.attempt(base, "admin", NovaServer.ADMIN_PASSWORD));
      System.out.println("  " + LoginBurst.run(base, opsBase, admin, logins));
    } finally {
      clients.shutdownNow();
      server.close();
      temporal.close();
      redis.close();
      postgres.close();
    }
  }

  /** The kills, with the three outages between the first ones. */
  private static List<String> plan(int kills) {
    List<String> plan = new ArrayList<>();
    List<String> outages = List.of(Outage.POSTGRESQL, Outage.REDIS, Outage.TEMPORAL);
    for (int i = 0; i < Math.max(kills, outages.size()); i++) {
      if (i < kills) plan.add("kill");
      if (i < outages.size()) plan.add(outages.get(i));
    }
    return plan;
  }

  /** Runs the faults at random moments while lifecycles run; returns how many it got to. */
  private int faultsWhileRunning(List<Future<String>> tasks, List<String> plan, int outageSeconds)
      throws Exception {
    int done = 0;
    for (String fault : plan) {
      if (tasks.stream().allMatch(Future::isDone)) break;
      Thread.sleep(ThreadLocalRandom.current().nextLong(1_000, 6_000));
      if (fault.equals("kill")) {
        server.kill9();
        long t0 = System.nanoTime();
        restart();
        record(
            "kill -9 of the Nova server; a new server was ready after %d ms",
            (System.nanoTime() - t0) / 1_000_000);
      } else {
        outage(fault, outageSeconds);
      }
      done++;
    }
    return done;
  }

  /**
   * Stops a part for a while under the running server, starts it again, and times how soon the same
   * server is ready.
   */
  private void outage(String name, int seconds) throws Exception {
    PartProcess part =
        switch (name) {
          case Outage.POSTGRESQL -> postgres;
          case Outage.REDIS -> redis;
          default -> temporal;
        };
    part.stop();
    Thread.sleep(seconds * 1000L);
    part.start();
    long t0 = System.nanoTime();
    while (status("/health/ready") != 200) Thread.sleep(100);
    record(
        name + " stopped for " + seconds + " s; the same server was ready %d ms after it was back",
        (System.nanoTime() - t0) / 1_000_000);
  }

  private void record(String format, long millis) {
    String line = String.format(format, millis);
    faults.add(line);
    System.out.println("chaos: " + line);
  }

  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException notNow) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void restart() throws Exception {
    int ops;
    try (ServerSocket socket = new ServerSocket(0)) {
      ops = socket.getLocalPort();
    }
    ServerProcess next =
        new ServerProcess(log)
            .with("DATABASE_URL", postgres.url())
            .with("REDIS_URL", redis.url())
            .with("TEMPORAL_ADDRESS", temporal.url())
            .with("NOVA_OPS_PORT", String.valueOf(ops))
            .with("NOVA_ADMIN_PASSWORD", NovaServer.ADMIN_PASSWORD)
            .start();
    opsBase = "http://127.0.0.1:" + ops;
    server = next;
    base = next.baseUrl();
  }

  private Map<String, String> register() {
    String project = Fixtures.unique("chaos");
    send(
        "POST",
        "/api/v1/projects",
        Map.of("name", project, "require_plan_approval", true),
        null,
        null);
    String token =
        send("POST", "/api/v1/registration-tokens", Map.of("project", project), null, null)
            .path("token")
            .asText();
    String name = Fixtures.unique("chaos-server");
    JsonNode registered =
        send(
            "POST",
            "/api/v1/server/register",
            Map.of("token", token, "name", name, "capabilities", List.of("java")),
            null,
            "none");
    return Map.of("project", project, "server", name, "key", registered.path("api_key").asText());
  }

  /**
   * One task from creation to done, each step retried with its own Idempotency-Key until it is
   * answered.
   */
  private String lifecycle(Map<String, String> agent, String name) {
    String key = agent.get("key");
    JsonNode created =
        send(
            "POST",
            "/api/v1/tasks",
            Map.of(
                "title",
                name,
                "spec",
                "survive",
                "project",
                agent.get("project"),
                "server",
                agent.get("server")),
            name + "-create",
            null);
    String id = created.path("id").asText();
    String mine = "/api/v1/server/tasks/" + id;
    String theirs = "/api/v1/tasks/" + id;
    send("POST", mine + "/plan", Map.of("text", "the plan"), name + "-plan", key);
    send("POST", theirs + "/plan/approve", Map.of(), name + "-approve", null);
    JsonNode help = send("POST", mine + "/help", Map.of("text", "which way?"), name + "-help", key);
    String intervention = help.path("interventions").get(0).path("id").asText();
    send(
        "POST",
        theirs + "/interventions/" + intervention + "/respond",
        Map.of("text", "left"),
        name + "-respond",
        null);
    send("POST", mine + "/submit", Map.of("text", "the work"), name + "-submit", key);
    send("POST", theirs + "/review/approve", Map.of(), name + "-review", null);
    return id;
  }

  /**
   * Sends until answered with 2xx: a dead server, a timeout or a 5xx means "again, to whichever
   * server is up now".
   */
  private JsonNode send(
      String method, String path, Object body, String idempotencyKey, String agentKey) {
    long t0 = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
        if (agentKey == null) request.header("X-Admin-Secret", NovaServer.ADMIN_SECRET);
        else if (!agentKey.equals("none")) request.header("Authorization", "Bearer " + agentKey);
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        HttpResponse<String> reply =
            HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() / 100 == 2) {
          waitsMillis.add((System.nanoTime() - t0) / 1_000_000);
          return Api.JSON.readTree(reply.body());
        }
        if (reply.statusCode() == 503) {
          String part = Api.JSON.readTree(reply.body()).path("detail").path("part").asText("?");
          unavailable.computeIfAbsent(part, p -> new AtomicInteger()).incrementAndGet();
        }
        if (reply.statusCode() < 500) {
          throw new IllegalStateException(
              method
                  + " "
                  + path
                  + " -> "
                  + reply.statusCode()
                  + " "
                  + reply.body()
                  + " (attempt "
                  + attempt
                  + ")");
        }
      } catch (IOException retry) {
        // the server died under the request, or is not up yet: send it again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(200);
    }
  }

  private void report(List<String> ids, int lifecycles, int faultCount, double seconds) {
    int completed = 0;
    int duplicated = 0;
    int missing = 0;
    for (String id : ids) {
      if (id == null) continue;
      JsonNode detail = send("GET", "/api/v1/tasks/" + id, null, null, null);
      if (detail.path("task").path("status").asText().equals("done")) completed++;
      List<String> types = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      detail
          .path("events")
          .forEach(
              e -> {
                types.add(e.path("type").asText());
                seqs.add(e.path("seq").asLong());
              });
      for (String type : EVENTS) {
        long count = types.stream().filter(type::equals).count();
        if (count == 0) missing++;
        if (count > 1) duplicated += (int) count - 1;
      }
      for (int i = 0; i < seqs.size(); i++) {
        if (seqs.get(i) != i) {
          missing++;
          break;
        }
      }
    }
    new ChaosSummary(
            faultCount,
            seconds,
            List.copyOf(faults),
            completed,
            lifecycles,
            duplicated,
            missing,
            List.copyOf(waitsMillis),
            Map.copyOf(unavailable))
        .print();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
