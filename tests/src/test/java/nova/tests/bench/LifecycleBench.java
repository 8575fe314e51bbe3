package nova.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bin/nova bench lifecycle: drives N tasks through the whole lifecycle over HTTP (plan, revision,
 * approval, an intervention, review with requested changes, approval) with a fixed concurrency, and
 * prints lifecycles per second and the latency from a human action's HTTP call until GET
 * /api/v1/tasks/{id} shows the new state. The baseline, measured in the same run on the same
 * server, is a plain GET of a task: the ratio says what an action costs over a read.
 */
public final class LifecycleBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String secret;
  private final String temporalAddress;
  private final Percentiles humanToVisible = new Percentiles();
  private final Percentiles readBaseline = new Percentiles();

  LifecycleBench(String base, String secret, String temporalAddress) {
    this.base = base;
    this.secret = secret;
    this.temporalAddress = temporalAddress;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String secret = args[1];
    String temporal = args[2];
    int tasks = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
    new LifecycleBench(base, secret, temporal).run(tasks, concurrency);
  }

  void run(int tasks, int concurrency) throws Exception {
    String project = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    post(
        adminHeaders(),
        "/api/v1/projects",
        Map.of("name", project, "require_plan_approval", true),
        201);
    List<String[]> agents = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) agents.add(register(project, "bench-agent-" + i));
    // The JIT is still compiling Jersey, Temporal and JDBI paths for the first hundred or so
    // lifecycles (a quarter of the server's CPU at 16): measure the server as it runs, not as it
    // starts.
    int warmup = Math.max(128, 4 * concurrency);
    System.out.printf("warming up with %d lifecycles%n", warmup);
    drive(agents, project, warmup, concurrency, false);
    System.out.printf(
        "driving %d tasks through the whole lifecycle, %d at a time%n", tasks, concurrency);
    ProcessCpu cpu = new ProcessCpu(Path.of(System.getProperty("nova.bench.state", "var/bench")));
    cpu.start();
    long started = System.nanoTime();
    drive(agents, project, tasks, concurrency, true);
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Double> spent = cpu.millisSinceStart();
    System.out.printf(
        "measuring the baseline: no-op Workflow Updates, %d at a time, for 10 s%n", concurrency);
    List<String> open = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      open.add(
          post(
                  adminHeaders(),
                  "/api/v1/tasks",
                  Map.of("title", "baseline", "spec", "s", "project", project),
                  201)
              .path("id")
              .asText());
    }
    UpdateCeiling.Result ceiling =
        new UpdateCeiling(temporalAddress).measure(open, concurrency, 10_000);
    double bound = ceiling.updatesPerSecond() / UpdateCeiling.ROUND_TRIPS_PER_LIFECYCLE;
    System.out.println();
    System.out.printf(
        "lifecycles:                  %d in %.1f s = %.1f lifecycles/s (target >= 20)%n",
        tasks, seconds, tasks / seconds);
    System.out.printf(
        "human action -> visible:     %s (target p99 < 150 ms)%n", humanToVisible.summary());
    System.out.printf("baseline GET /tasks/{id}:    %s%n", readBaseline.summary());
    System.out.printf(
        "ratio action/read:           p50 %.1fx, p99 %.1fx%n",
        humanToVisible.millis(50) / readBaseline.millis(50),
        humanToVisible.millis(99) / readBaseline.millis(99));
    System.out.printf(
        "baseline no-op Update:       %.0f updates/s, %s%n",
        ceiling.updatesPerSecond(), ceiling.latency().summary());
    System.out.printf(
        "ceiling from Temporal alone: %.1f lifecycles/s (%d round trips each); achieved %.0f%% of"
            + " it%n",
        bound, UpdateCeiling.ROUND_TRIPS_PER_LIFECYCLE, 100 * (tasks / seconds) / bound);
    if (cpu.found()) printCpu(spent, tasks);
  }

  /** Where a lifecycle's CPU went, and what that leaves Nova on this machine's cores. */
  private static void printCpu(Map<String, Double> spent, int tasks) {
    int cores = Runtime.getRuntime().availableProcessors();
    double total = spent.values().stream().mapToDouble(Double::doubleValue).sum() / tasks;
    double nova = spent.getOrDefault(ProcessCpu.NOVA, 0.0) / tasks;
    double others = total - nova;
    StringBuilder parts = new StringBuilder();
    spent.forEach(
        (name, millis) ->
            parts
                .append(parts.isEmpty() ? "" : ", ")
                .append("%s %.0f".formatted(name, millis / tasks)));
    System.out.printf("CPU per lifecycle:           %.0f ms: %s%n", total, parts);
    System.out.printf(
        "what %d cores allow:          %.1f lifecycles/s at this CPU cost; %.1f if Nova cost"
            + " nothing%n",
        cores, cores * 1000 / total, cores * 1000 / others);
    System.out.printf(
        "Nova's CPU budget for 20/s:  %.0f ms per lifecycle beside the others' %.0f; it spends"
            + " %.0f%n",
        cores * 1000 / 20.0 - others, others, nova);
  }

  private void drive(
      List<String[]> agents, String project, int tasks, int concurrency, boolean measure)
      throws Exception {
    Semaphore slots = new Semaphore(concurrency);
    AtomicInteger done = new AtomicInteger();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        slots.acquire();
        String[] agent = agents.get(i % agents.size());
        futures.add(
            pool.submit(
                () -> {
                  try {
                    lifecycle(project, agent, measure);
                    int finished = done.incrementAndGet();
                    if (measure && finished % Math.max(1, tasks / 10) == 0)
                      System.out.printf("  %d/%d lifecycles done%n", finished, tasks);
                  } finally {
                    slots.release();
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) f.get();
    }
  }

  private void lifecycle(String project, String[] agent, boolean measure) throws Exception {
    String id =
        post(
                adminHeaders(),
                "/api/v1/tasks",
                Map.of("title", "bench", "spec", "s", "project", project, "server", agent[0]),
                201)
            .path("id")
            .asText();
    String[] key = {"Authorization", "Bearer " + agent[1]};
    String mine = "/api/v1/server/tasks/" + id;
    String task = "/api/v1/tasks/" + id;
    post(key, mine + "/plan", Map.of("text", "plan"), 200);
    human(task + "/plan/revise", Map.of("text", "more"), id, "planning", measure);
    post(key, mine + "/plan", Map.of("text", "plan 2"), 200);
    human(task + "/plan/approve", Map.of(), id, "running", measure);
    String intervention =
        post(key, mine + "/help", Map.of("text", "?"), 200)
            .path("interventions")
            .get(0)
            .path("id")
            .asText();
    human(
        task + "/interventions/" + intervention + "/respond",
        Map.of("text", "!"),
        id,
        "running",
        measure);
    post(key, mine + "/submit", Map.of("text", "r"), 200);
    human(task + "/review/request-changes", Map.of("text", "c"), id, "running", measure);
    post(key, mine + "/submit", Map.of("text", "r2"), 200);
    human(task + "/review/approve", Map.of(), id, "done", measure);
  }

  private void human(String path, Object body, String id, String expected, boolean measure)
      throws Exception {
    long start = System.nanoTime();
    post(adminHeaders(), path, body, 200);
    while (true) {
      long readStart = System.nanoTime();
      String status = get("/api/v1/tasks/" + id).path("task").path("status").asText();
      long now = System.nanoTime();
      if (measure) readBaseline.add(now - readStart);
      if (status.equals(expected)) {
        if (measure) humanToVisible.add(now - start);
        return;
      }
    }
  }

  private String[] register(String project, String name) throws Exception {
    String token =
        post(adminHeaders(), "/api/v1/registration-tokens", Map.of("project", project), 201)
            .path("token")
            .asText();
    JsonNode server =
        post(new String[0], "/api/v1/server/register", Map.of("token", token, "name", name), 201);
    return new String[] {name, server.path("api_key").asText()};
  }

  private String[] adminHeaders() {
    return new String[] {"X-Admin-Secret", secret};
  }

  private JsonNode get(String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).headers(adminHeaders()).GET();
    return send(request, 200);
  }

  private JsonNode post(String[] headers, String path, Object body, int expected) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (headers.length > 0) request.headers(headers);
    return send(request, expected);
  }

  private JsonNode send(HttpRequest.Builder request, int expected) throws Exception {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
