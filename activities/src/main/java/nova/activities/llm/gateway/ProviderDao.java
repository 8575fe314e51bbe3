package nova.activities.llm.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nova.activities.llm.ProviderKind;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Providers and aliases in PostgreSQL (llm_providers, llm_aliases). */
final class ProviderDao {
  private final ObjectMapper json;
  private static final TypeReference<List<ProviderModel>> MODELS = new TypeReference<>() {};
  private static final TypeReference<List<String>> TARGETS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, name, kind, base_url, api_key, models::text AS models, rpm, source, enabled";
  private final Jdbi jdbi;

  ProviderDao(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  public List<Provider> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM llm_providers ORDER BY name")
                .map((rs, ctx) -> provider(rs))
                .list());
  }

  public Optional<Provider> byName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM llm_providers WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> provider(rs))
                .findOne());
  }

  /**
   * Makes the config-owned rows exactly {@code configured}, leaving the admin's rows alone; names
   * an admin already took are returned, not written.
   */
  public List<String> replaceConfigured(Collection<Provider> configured) {
    return jdbi.inTransaction(
        h -> {
          List<String> taken =
              h.createQuery("SELECT name FROM llm_providers WHERE source = 'app'")
                  .mapTo(String.class)
                  .list();
          h.createUpdate("DELETE FROM llm_providers WHERE source = 'config'").execute();
          for (Provider p : configured) {
            if (!taken.contains(p.name())) insert(h, p);
          }
          return configured.stream().map(Provider::name).filter(taken::contains).toList();
        });
  }

  public void insert(Provider p) {
    jdbi.useHandle(h -> insert(h, p));
  }

  /**
   * Rewrites an admin-owned provider; an empty {@code apiKey} keeps the stored one, since the app
   * never shows it back.
   */
  public boolean update(Provider p) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                        """
                        UPDATE llm_providers SET kind = :kind, base_url = :baseUrl,
                          api_key = CASE WHEN :apiKey = '' THEN api_key ELSE :apiKey END,
                          models = CAST(:models AS jsonb), rpm = :rpm, enabled = :enabled,
                            updated_at = now()
                        WHERE name = :name AND source = 'app'\
                        """)
                    .bind("kind", p.kind().wire())
                    .bind("baseUrl", p.baseUrl())
                    .bind("apiKey", p.apiKey())
                    .bind("models", toJson(p.models()))
                    .bind("rpm", p.rpm())
                    .bind("enabled", p.enabled())
                    .bind("name", p.name())
                    .execute()
                == 1);
  }

  public boolean delete(String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM llm_providers WHERE name = :name AND source = 'app'")
                    .bind("name", name)
                    .execute()
                == 1);
  }

  public Map<String, List<String>> aliases() {
    Map<String, List<String>> aliases = new LinkedHashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT name, targets::text AS targets FROM llm_aliases ORDER BY name")
                .map(
                    (rs, ctx) ->
                        Map.entry(rs.getString("name"), parse(rs.getString("targets"), TARGETS)))
                .forEach(e -> aliases.put(e.getKey(), e.getValue())));
    return aliases;
  }

  public void putAlias(String name, List<String> targets, String by) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO llm_aliases (name, targets, created_by) VALUES (:name,
                      CAST(:targets AS jsonb), :by)
                    ON CONFLICT (name) DO UPDATE SET targets = EXCLUDED.targets, updated_at = now()\
                    """)
                .bind("name", name)
                .bind("targets", toJson(targets))
                .bind("by", by)
                .execute());
  }

  public boolean deleteAlias(String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM llm_aliases WHERE name = :name")
                    .bind("name", name)
                    .execute()
                == 1);
  }

  private void insert(Handle h, Provider p) {
    h.createUpdate(
            """
            INSERT INTO llm_providers (id, name, kind, base_url, api_key, models, rpm, source,
              enabled)
            VALUES (:id, :name, :kind, :baseUrl, :apiKey, CAST(:models AS jsonb), :rpm, :source,
              :enabled)\
            """)
        .bind("id", p.id() == null ? UUID.randomUUID() : p.id())
        .bind("name", p.name())
        .bind("kind", p.kind().wire())
        .bind("baseUrl", p.baseUrl())
        .bind("apiKey", p.apiKey())
        .bind("models", toJson(p.models()))
        .bind("rpm", p.rpm())
        .bind("source", p.source())
        .bind("enabled", p.enabled())
        .execute();
  }

  private Provider provider(ResultSet rs) throws SQLException {
    int rpm = rs.getInt("rpm");
    return new Provider(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        ProviderKind.fromWire(rs.getString("kind")),
        rs.getString("base_url"),
        rs.getString("api_key"),
        parse(rs.getString("models"), MODELS),
        rs.wasNull() ? null : rpm,
        rs.getString("source"),
        rs.getBoolean("enabled"));
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private <T> T parse(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON column does not parse: " + text, e);
    }
  }
}
