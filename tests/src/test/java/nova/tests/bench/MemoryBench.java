package nova.tests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pgvector.PGvector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nova.activities.memory.MemoryTestSupport;
import nova.web.platform.Database;

/**
 * bin/nova bench memory: ingests Debian's package descriptions through /api/v1/memories/batch, then
 * measures HNSW recall@10 against exact search, search latency through the API, and MRR@10 of each
 * mode, with summaries as queries. The baseline is the embedding model alone on the same texts in
 * this process: what ingestion could reach if storing cost nothing.
 */
public final class MemoryBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 64;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String url;
  private final String secret;

  private MemoryBench(String url, String secret) {
    this.url = url;
    this.secret = secret;
  }

  public static void main(String[] args) throws Exception {
    MemoryBench bench = new MemoryBench(args[0], args[1]);
    int limit = args.length > 5 ? Integer.parseInt(args[5]) : Integer.MAX_VALUE;
    int queries = args.length > 6 ? Integer.parseInt(args[6]) : 500;
    DebianCorpus corpus = DebianCorpus.read(Path.of(args[3]), Path.of(args[4]), limit);
    System.out.printf(
        "corpus: %d package descriptions (queries: their one-line summaries)%n",
        corpus.docs().size());
    String database = args[2].startsWith("env:") ? System.getenv(args[2].substring(4)) : args[2];
    Database migrated = new Database(database);
    migrated.start();
    bench.run(corpus, migrated, queries);
  }

  private void run(DebianCorpus corpus, Database database, int queryCount) throws Exception {
    double baseline = embeddingAlone(corpus);
    List<String> ids = ingest(corpus);
    double rate = corpus.docs().size() / ingestSeconds;
    long vectors =
        database
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT count(*) FROM memory_chunks").mapTo(Long.class).one());
    System.out.printf(
        "ingestion: %.0f documents/s (%d documents, %d vectors, %.0f s); the model alone: %.0f/s;"
            + " ratio %.2f (target >= 200/s)%n",
        rate, corpus.docs().size(), vectors, ingestSeconds, baseline, rate / baseline);

    List<Integer> sample = new ArrayList<>();
    for (int i = 0; i < corpus.docs().size(); i++) sample.add(i);
    Collections.shuffle(sample, new Random(42));
    sample = sample.subList(0, Math.min(queryCount, sample.size()));
    System.out.printf(
        "recall@10 of HNSW (ef_search 100, iterative scan) against exact search, %d queries: %.3f"
            + " (target >= 0.95)%n",
        sample.size(), recall(corpus, sample, database));

    String[] modes = {"semantic", "keyword", "hybrid"};
    Map<String, Percentiles> latency =
        Map.of(
            "semantic",
            new Percentiles(),
            "keyword",
            new Percentiles(),
            "hybrid",
            new Percentiles());
    Map<String, Double> reciprocal =
        new HashMap<>(Map.of("semantic", 0.0, "keyword", 0.0, "hybrid", 0.0));
    for (int round = 0; round < 2; round++) { // the first round warms up; only the second counts
      for (int i : sample) {
        for (String mode : modes) {
          long t0 = System.nanoTime();
          JsonNode results =
              post(
                      "/api/v1/memories/search",
                      Map.of("query", corpus.docs().get(i).summary(), "mode", mode, "limit", 10),
                      200)
                  .path("results");
          if (round == 0) continue;
          latency.get(mode).add(System.nanoTime() - t0);
          for (int r = 0; r < results.size(); r++) {
            if (results.get(r).path("id").asText().equals(ids.get(i))) {
              reciprocal.merge(mode, 1.0 / (r + 1), Double::sum);
              break;
            }
          }
        }
      }
    }
    System.out.printf(
        "search through the API at %d vectors (limit 10, query embedding included):%n", vectors);
    System.out.printf(
        "  semantic p50 %.1f ms p95 %.1f ms (target p95 < 10 ms)%n",
        latency.get("semantic").millis(50), latency.get("semantic").millis(95));
    System.out.printf(
        "  keyword  p50 %.1f ms p95 %.1f ms%n",
        latency.get("keyword").millis(50), latency.get("keyword").millis(95));
    System.out.printf(
        "  hybrid   p50 %.1f ms p95 %.1f ms (target p95 < 25 ms)%n",
        latency.get("hybrid").millis(50), latency.get("hybrid").millis(95));
    System.out.printf(
        "MRR@10 over %d queries: semantic %.3f, keyword %.3f, hybrid %.3f (hybrid must beat"
            + " both)%n",
        sample.size(),
        reciprocal.get("semantic") / sample.size(),
        reciprocal.get("keyword") / sample.size(),
        reciprocal.get("hybrid") / sample.size());
  }

  private double ingestSeconds;

  /**
   * Two clients send batches of 64, so the database's work and the next batch's embedding overlap.
   */
  private List<String> ingest(DebianCorpus corpus) throws Exception {
    String[] ids = new String[corpus.docs().size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int from; (from = next.getAndAdd(BATCH)) < ids.length; ) {
                    int to = Math.min(ids.length, from + BATCH);
                    List<Map<String, Object>> items = new ArrayList<>();
                    for (int i = from; i < to; i++) {
                      DebianCorpus.Doc doc = corpus.docs().get(i);
                      items.add(
                          Map.of(
                              "content",
                              doc.description(),
                              "scope",
                              "global",
                              "metadata",
                              Map.of("package", doc.name())));
                    }
                    JsonNode stored =
                        post("/api/v1/memories/batch", Map.of("items", items), 201).path("items");
                    for (int i = from; i < to; i++)
                      ids[i] = stored.get(i - from).path("id").asText();
                    int n = done.addAndGet(to - from);
                    if (n / 2000 != (n - (to - from)) / 2000) {
                      System.out.printf(
                          "  ingested %d of %d (%.0f/s)%n",
                          n, ids.length, n / ((System.nanoTime() - t0) / 1e9));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) f.get();
    }
    ingestSeconds = (System.nanoTime() - t0) / 1e9;
    return List.of(ids);
  }

  private static double embeddingAlone(DebianCorpus corpus) throws Exception {
    List<String> texts =
        corpus.docs().stream().limit(1024).map(DebianCorpus.Doc::description).toList();
    try (MemoryTestSupport.LocalModel model = MemoryTestSupport.localModel()) {
      model.embed(texts.subList(0, Math.min(128, texts.size()))); // warm-up
      long t0 = System.nanoTime();
      for (int from = 0; from < texts.size(); from += BATCH)
        model.embed(texts.subList(from, Math.min(texts.size(), from + BATCH)));
      double rate = texts.size() / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(
          "the embedding model alone (first chunk of each of %d documents): %.0f documents/s%n",
          texts.size(), rate);
      return rate;
    }
  }

  private static double recall(DebianCorpus corpus, List<Integer> sample, Database database)
      throws Exception {
    double hits = 0;
    try (MemoryTestSupport.LocalModel model = MemoryTestSupport.localModel()) {
      for (int i : sample) {
        String vector =
            new PGvector(model.embed(List.of(corpus.docs().get(i).summary())).getFirst())
                .getValue();
        Set<Long> approximate = nearest(database, vector, true);
        Set<Long> exact = nearest(database, vector, false);
        approximate.retainAll(exact);
        hits += approximate.size() / (double) exact.size();
      }
    }
    return hits / sample.size();
  }

  private static Set<Long> nearest(Database database, String vector, boolean index) {
    return database
        .jdbi()
        .inTransaction(
            h -> {
              h.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
              h.execute("SET LOCAL hnsw.ef_search = 100");
              if (!index) h.execute("SET LOCAL enable_indexscan = off");
              return new HashSet<>(
                  h.createQuery(
                          """
                          SELECT id FROM memory_chunks WHERE model = 'local/all-minilm-l6-v2'
                          ORDER BY CAST(embedding AS vector(384)) <=> CAST(:v AS vector(384)) LIMIT 10\
                          """)
                      .bind("v", vector)
                      .mapTo(Long.class)
                      .list());
            });
  }

  private JsonNode post(String path, Object body, int expected) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofMinutes(5))
                .header("X-Admin-Secret", secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected)
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    return JSON.readTree(response.body());
  }
}
