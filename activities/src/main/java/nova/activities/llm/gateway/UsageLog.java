package nova.activities.llm.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes usage rows in batches from one background thread, so a call's answer never waits on the
 * usage table. Rows reach PostgreSQL within {@link #FLUSH_EVERY_MS} ms; stopping writes the rest.
 */
final class UsageLog implements AutoCloseable {
  static final long FLUSH_EVERY_MS = 200;
  private static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(UsageLog.class);
  private final Jdbi jdbi;
  private final BlockingQueue<UsageRow> queue = new LinkedBlockingQueue<>(100_000);
  private final Thread writer;
  private volatile boolean running = true;

  UsageLog(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.writer = Thread.ofPlatform().daemon().name("nova-usage-log").start(this::run);
  }

  public void record(UsageRow row) {
    if (!queue.offer(row)) LOG.warn("usage log full; dropped the row of a {} call", row.provider());
  }

  private void run() {
    List<UsageRow> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        UsageRow first = queue.poll(FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        running = false;
      } catch (RuntimeException e) {
        LOG.error("could not write {} usage rows; they are lost", batch.size(), e);
      }
      batch.clear();
    }
  }

  private void write(List<UsageRow> rows) {
    jdbi.useHandle(
        h -> {
          PreparedBatch insert =
              h.prepareBatch(
                  """
                  INSERT INTO llm_usage (id, at, provider, model, requested, agent_id, caller,
                    outcome, status, streamed,
                    input_tokens, output_tokens, latency_ms, cost_usd)
                  VALUES (:id, :at, :provider, :model, :requested, :agentId, :caller, :outcome,
                    :status, :streamed,
                    :inputTokens, :outputTokens, :latencyMs, :costUsd) ON CONFLICT (id) DO NOTHING\
                  """);
          rows.forEach(row -> insert.bindMethods(row).add());
          insert.execute();
        });
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    writer.join(5_000);
  }
}
