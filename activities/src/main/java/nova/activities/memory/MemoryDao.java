package nova.activities.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reading, listing, counting and deleting stored memories. */
final class MemoryDao {
  private final MetadataJson metadata;
  public static final int MAX_PAGE = 200;
  private final Jdbi jdbi;
  private final Scopes scopes;
  private final ModelSwitchDao switches;

  MemoryDao(Jdbi jdbi, MetadataJson metadata) {
    this.metadata = metadata;
    this.jdbi = jdbi;
    this.scopes = new Scopes(jdbi);
    this.switches = new ModelSwitchDao(jdbi);
  }

  private static final String SELECT =
      """
      SELECT m.id, m.scope, m.content, CAST(m.metadata AS text) AS metadata, m.created_by,
        m.created_at,
        (SELECT count(*) FROM memory_chunks c JOIN memory_models mm ON mm.model = c.model
          AND mm.status = 'active'
         WHERE c.memory_id = m.id) AS chunks
      FROM memories m\
      """;

  public Optional<Memory> get(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE m.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> memory(rs))
                .findOne());
  }

  public List<Memory> list(String scope, int limit, int offset) {
    if (limit < 1 || limit > MAX_PAGE)
      throw new BadMemoryRequest("limit must be 1 to " + MAX_PAGE + ", was " + limit);
    if (offset < 0) throw new BadMemoryRequest("offset must be 0 or more, was " + offset);
    String resolved = scope == null || scope.isBlank() ? null : scopes.resolve(scope);
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                      SELECT
                          + (resolved == null ? "" : " WHERE m.scope = :scope")
                          + " ORDER BY m.created_at DESC, m.id LIMIT :limit OFFSET :offset")
                  .bind("limit", limit)
                  .bind("offset", offset);
          if (resolved != null) q.bind("scope", resolved);
          return q.map((rs, ctx) -> memory(rs)).list();
        });
  }

  public boolean delete(UUID id) {
    return jdbi.withHandle(
            h -> h.createUpdate("DELETE FROM memories WHERE id = :id").bind("id", id).execute())
        > 0;
  }

  public MemoryStats stats() {
    return jdbi.withHandle(
        h -> {
          long memories = h.createQuery("SELECT count(*) FROM memories").mapTo(Long.class).one();
          List<MemoryStats.ModelCount> models =
              h.createQuery(
                      """
                      SELECT mm.model, mm.dimensions, mm.status,
                        (SELECT count(*) FROM memory_chunks c WHERE c.model = mm.model) AS chunks
                      FROM memory_models mm ORDER BY mm.status\
                      """)
                  .map(
                      (rs, ctx) ->
                          new MemoryStats.ModelCount(
                              rs.getString("model"),
                              rs.getInt("dimensions"),
                              rs.getString("status"),
                              rs.getLong("chunks")))
                  .list();
          MemoryStats.ModelCount active =
              models.stream().filter(m -> m.status().equals("active")).findFirst().orElseThrow();
          List<MemoryStats.ScopeCount> byScope =
              h.createQuery(
                      "SELECT scope, count(*) AS n FROM memories GROUP BY scope ORDER BY n DESC,"
                          + " scope LIMIT 50")
                  .map(
                      (rs, ctx) ->
                          new MemoryStats.ScopeCount(rs.getString("scope"), rs.getLong("n")))
                  .list();
          return new MemoryStats(
              memories,
              active.chunks(),
              active.model(),
              models,
              byScope,
              switches.recent(1).stream().findFirst().orElse(null));
        });
  }

  private Memory memory(ResultSet rs) throws SQLException {
    return new Memory(
        rs.getObject("id", UUID.class),
        rs.getString("scope"),
        rs.getString("content"),
        metadata.read(rs.getString("metadata")),
        rs.getInt("chunks"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
