package nova.activities.memory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The registry side of a model switch. Each step locks the models FOR UPDATE, so it waits for the
 * stores under way (they hold them FOR SHARE) and the stores after it see what it changed.
 */
final class ModelSwitchDao {
  private final Jdbi jdbi;

  ModelSwitchDao(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  record Row(String model, int dimensions, String status, String indexName) {}

  private record Models(Row active, Optional<Row> building) {}

  /**
   * Registers the model as building, with its index; a repeat for the same switch changes nothing.
   */
  public Row begin(UUID switchId, String model, int dimensions, String requestedBy) {
    String name = VectorIndex.checkedName(model);
    if (dimensions < 1 || dimensions > VectorIndex.MAX_DIMENSIONS) {
      throw new BadMemoryRequest(
          name
              + " gives "
              + dimensions
              + "-dimension vectors; vector indexes take 1 to "
              + VectorIndex.MAX_DIMENSIONS);
    }
    sweep(); // vectors a past switch of this name left behind would break its new index
    return jdbi.inTransaction(
        h -> {
          Models models = lock(h);
          if (models.building().isPresent()) {
            Row building = models.building().get();
            if (building.model().equals(name)) return building;
            throw new BadMemoryRequest(
                "a switch to "
                    + building.model()
                    + " is under way; cancel it or wait for it to finish");
          }
          if (models.active().model().equals(name))
            throw new BadMemoryRequest(name + " is already the active model");
          Row row = new Row(name, dimensions, "building", VectorIndex.nameFor(name));
          h.createUpdate(
                  "INSERT INTO memory_models (model, dimensions, status, index_name) VALUES"
                      + " (:model, :dimensions, 'building', :index)")
              .bind("model", name)
              .bind("dimensions", dimensions)
              .bind("index", row.indexName())
              .execute();
          h.execute(VectorIndex.create(row.indexName(), name, dimensions));
          h.createUpdate(
                  """
                  INSERT INTO memory_model_switches (id, model, previous_model, dimensions, status,
                    requested_by)
                  VALUES (:id, :model, :previous, :dimensions, 'building',
                    :by) ON CONFLICT (id) DO NOTHING\
                  """)
              .bind("id", switchId)
              .bind("model", name)
              .bind("previous", models.active().model())
              .bind("dimensions", dimensions)
              .bind("by", requestedBy)
              .execute();
          return row;
        });
  }

  /** Swaps the built model in and the old one out, unless a chunk still lacks the new model. */
  public boolean activate(UUID switchId, String model) {
    return jdbi.inTransaction(
            h -> {
              Models models = lock(h);
              if (models.active().model().equals(model))
                return true; // a retry after the swap committed: the sweep below finishes it
              Row building =
                  models
                      .building()
                      .filter(b -> b.model().equals(model))
                      .orElseThrow(
                          () -> new BadMemoryRequest("no switch to " + model + " is being built"));
              if (missing(h, models.active().model(), building.model()) > 0) return false;
              h.createUpdate("DELETE FROM memory_models WHERE model = :model")
                  .bind("model", models.active().model())
                  .execute();
              h.createUpdate(
                      "UPDATE memory_models SET status = 'active', since = now() WHERE model ="
                          + " :model")
                  .bind("model", model)
                  .execute();
              h.createUpdate(
                      "UPDATE memory_model_switches SET status = 'done', ended_at = now() WHERE id"
                          + " = :id")
                  .bind("id", switchId)
                  .execute();
              return true;
            })
        && sweep();
  }

  /** Drops what a switch built, if it is still building, and records how the switch ended. */
  public void abandon(
      UUID switchId, String model, String status, String reason, String requestedBy) {
    jdbi.useTransaction(
        h -> {
          Models models = lock(h);
          if (models.building().filter(b -> b.model().equals(model)).isPresent()) {
            h.createUpdate("DELETE FROM memory_models WHERE model = :model AND status = 'building'")
                .bind("model", model)
                .execute();
          }
          h.createUpdate(
                  """
                  INSERT INTO memory_model_switches (id, model, previous_model, status, reason,
                    requested_by, ended_at)
                  VALUES (:id, :model, :previous, :status, :reason, :by, now())
                  ON CONFLICT (id) DO UPDATE SET status = excluded.status,
                    reason = excluded.reason, ended_at = excluded.ended_at\
                  """)
              .bind("id", switchId)
              .bind("model", model)
              .bind("previous", models.active().model())
              .bind("status", status)
              .bind("reason", reason)
              .bind("by", requestedBy)
              .execute();
        });
    sweep();
  }

  /**
   * Drops the indexes and vectors of models no longer registered, outside the models' lock: the
   * index concurrently and the rows in slices, so search and stores carry on meanwhile. A retry
   * after a crash, or a pass that wrote after its switch ended, leaves nothing behind for long.
   */
  boolean sweep() {
    jdbi.useHandle(
        h -> {
          List<String> stale =
              h.createQuery(
                      """
                      SELECT indexname FROM pg_indexes WHERE tablename = 'memory_chunks'
                        AND indexname LIKE 'memory\\_chunks\\_hnsw\\_%'
                        AND indexname NOT IN (SELECT index_name FROM memory_models)\
                      """)
                  .mapTo(String.class)
                  .list();
          stale.forEach(index -> h.execute(VectorIndex.dropConcurrently(index)));
          int deleted;
          do {
            deleted =
                h.createUpdate(
                        """
                        DELETE FROM memory_chunks WHERE id IN (SELECT id FROM memory_chunks
                          WHERE model NOT IN (SELECT model FROM memory_models) LIMIT 5000)\
                        """)
                    .execute();
          } while (deleted > 0);
        });
    return true;
  }

  /** The active model's chunks that have no vector of the built model yet. */
  static long missing(Handle h, String active, String building) {
    return h.createQuery(
            """
            SELECT count(*) FROM memory_chunks a WHERE a.model = :active AND NOT EXISTS
              (SELECT 1 FROM memory_chunks b WHERE b.memory_id = a.memory_id
                AND b.model = :building AND b.ordinal = a.ordinal)\
            """)
        .bind("active", active)
        .bind("building", building)
        .mapTo(Long.class)
        .one();
  }

  private static Models lock(Handle h) {
    List<Row> rows =
        h.createQuery(
                "SELECT model, dimensions, status, index_name FROM memory_models ORDER BY model FOR"
                    + " UPDATE")
            .map(
                (rs, ctx) ->
                    new Row(
                        rs.getString("model"),
                        rs.getInt("dimensions"),
                        rs.getString("status"),
                        rs.getString("index_name")))
            .list();
    Row active =
        rows.stream()
            .filter(r -> r.status().equals("active"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no active memory model"));
    return new Models(active, rows.stream().filter(r -> r.status().equals("building")).findFirst());
  }

  /** Model switches as recorded, newest first; one under way shows its progress. */
  public List<SwitchEntry> recent(int limit) {
    return jdbi.withHandle(
        h -> query(h, "ORDER BY started_at DESC, id LIMIT " + Math.max(1, limit)));
  }

  public Optional<SwitchEntry> underWay() {
    return jdbi.withHandle(
        h ->
            query(h, "WHERE status = 'building' ORDER BY started_at DESC LIMIT 1").stream()
                .findFirst());
  }

  private static List<SwitchEntry> query(Handle h, String tail) {
    return h.createQuery(
            """
            SELECT s.*,
              CASE WHEN s.status = 'building' THEN (SELECT count(*) FROM memory_chunks c
                WHERE c.model = s.model) END AS embedded,
              CASE WHEN s.status = 'building' THEN (SELECT count(*)
                FROM memory_chunks c JOIN memory_models m
                ON m.model = c.model AND m.status = 'active') END AS total
            FROM memory_model_switches s\s\
            """
                + tail)
        .map(
            (rs, ctx) -> {
              Long embedded = rs.getObject("embedded", Long.class);
              Long total = rs.getObject("total", Long.class);
              Double progress =
                  switch (rs.getString("status")) {
                    case "building" -> total == 0 ? 1.0 : Math.min(1.0, (double) embedded / total);
                    case "done" -> 1.0;
                    default -> null;
                  };
              return new SwitchEntry(
                  rs.getObject("id", UUID.class),
                  rs.getString("model"),
                  rs.getString("previous_model"),
                  rs.getObject("dimensions", Integer.class),
                  rs.getString("status"),
                  rs.getString("reason"),
                  rs.getString("requested_by"),
                  instant(rs.getObject("started_at", OffsetDateTime.class)),
                  instant(rs.getObject("ended_at", OffsetDateTime.class)),
                  embedded,
                  total,
                  progress);
            })
        .list();
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
