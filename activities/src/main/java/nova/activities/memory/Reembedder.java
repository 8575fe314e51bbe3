package nova.activities.memory;

import com.pgvector.PGvector;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Embeds, with the model being built, the active model's chunks that lack it, in id order and in
 * batches, for a bounded time per call. Each copy is made from its source row, so a memory deleted
 * before the batch is skipped (one deleted during it fails the batch, which its retry redoes).
 */
final class Reembedder {
  static final int BATCH = 64;

  private final Jdbi jdbi;
  private final Embedders embedders;

  Reembedder(Jdbi jdbi, Embedders embedders) {
    this.jdbi = jdbi;
    this.embedders = embedders;
  }

  public record Pass(long embedded, long lastChunk, boolean exhausted) {}

  private record Source(long id, String content) {}

  /**
   * Goes on past {@code after} until nothing is left or {@code budget} has passed; tells {@code
   * done} each batch's last chunk id.
   */
  public Pass run(String model, long after, Duration budget, LongConsumer done) {
    long deadline = System.nanoTime() + budget.toNanos();
    MemoryModel target = building(model);
    String active =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT model FROM memory_models WHERE status = 'active'")
                    .mapTo(String.class)
                    .one());
    long embedded = 0;
    long last = after;
    while (true) {
      done.accept(
          last); // before the model call too, so a cancel is seen even while batches are slow
      List<Source> sources = next(active, target.model(), last);
      if (sources.isEmpty()) return new Pass(embedded, last, true);
      List<float[]> vectors =
          embedders.of(target.model()).embed(sources.stream().map(Source::content).toList());
      for (float[] v : vectors) {
        if (v.length != target.dimensions()) {
          throw new BadMemoryRequest(
              target.model()
                  + " answered "
                  + v.length
                  + " dimensions where it gave "
                  + target.dimensions()
                  + " when the switch began");
        }
      }
      if (!write(target.model(), sources, vectors))
        throw new BadMemoryRequest(
            target.model() + " is no longer being built; its switch has ended");
      embedded += sources.size();
      last = sources.getLast().id();
      if (System.nanoTime() > deadline) return new Pass(embedded, last, false);
    }
  }

  private MemoryModel building(String model) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT model, dimensions, status FROM memory_models WHERE model = :model"
                            + " AND status = 'building'")
                    .bind("model", model)
                    .map(MemoryModel.ROWS)
                    .findOne())
        .orElseThrow(
            () -> new BadMemoryRequest(model + " is not being built; start a switch to it first"));
  }

  private List<Source> next(String active, String building, long after) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.id, a.content FROM memory_chunks a
                    WHERE a.model = :active AND a.id > :after AND NOT EXISTS
                      (SELECT 1 FROM memory_chunks b WHERE b.memory_id = a.memory_id
                        AND b.model = :building AND b.ordinal = a.ordinal)
                    ORDER BY a.id LIMIT :batch\
                    """)
                .bind("active", active)
                .bind("building", building)
                .bind("after", after)
                .bind("batch", BATCH)
                .map((rs, ctx) -> new Source(rs.getLong("id"), rs.getString("content")))
                .list());
  }

  /**
   * Writes the batch if the model is still being built; the lock keeps its switch from ending
   * meanwhile.
   */
  private boolean write(String model, List<Source> sources, List<float[]> vectors) {
    return jdbi.inTransaction(
        h -> {
          boolean building =
              h.createQuery(
                      "SELECT 1 FROM memory_models WHERE model = :model AND status = 'building' FOR"
                          + " SHARE")
                  .bind("model", model)
                  .mapTo(Integer.class)
                  .findOne()
                  .isPresent();
          if (!building) return false;
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  INSERT INTO memory_chunks (memory_id, ordinal, model, scope, metadata, content,
                    embedding)
                  SELECT memory_id, ordinal, :model, scope, metadata, content,
                    CAST(:embedding AS vector) FROM memory_chunks WHERE id = :source
                  ON CONFLICT (memory_id, model, ordinal) DO NOTHING\
                  """);
          for (int i = 0; i < sources.size(); i++) {
            batch
                .bind("model", model)
                .bind("embedding", new PGvector(vectors.get(i)).getValue())
                .bind("source", sources.get(i).id())
                .add();
          }
          batch.execute();
          return true;
        });
  }
}
