package nova.web.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Agents and pods in PostgreSQL. */
public final class AgentDao {
  private final ObjectMapper json;
  private static final String AGENT =
      "SELECT id, name, pod_id, model, system_prompt, fallback_models::text AS fallbacks,"
          + " canonical, created_by, created_at, updated_at FROM agents";
  private static final String POD =
      "SELECT id, name, description, sandbox_tier, created_by, created_at, updated_at FROM pods";
  private final Jdbi jdbi;

  public AgentDao(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /**
   * Creates the canonical Nova agent unless it exists; the unique index on canonical makes this
   * safe with many servers starting at once.
   */
  public void ensureNova(String model) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO agents (id, name, model, system_prompt, canonical, created_by)
                    VALUES (:id, :name, :model, :prompt, true, 'nova') ON CONFLICT DO NOTHING\
                    """)
                .bind("id", UUID.randomUUID())
                .bind("name", Agent.NOVA)
                .bind("model", model)
                .bind(
                    "prompt",
                    "You are Nova, the assistant of this Nova platform. Answer briefly and say when"
                        + " you are unsure.")
                .execute());
  }

  public List<Agent> agents(UUID podId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    AGENT
                        + " WHERE CAST(:pod AS uuid) IS NULL OR pod_id = :pod ORDER BY canonical"
                        + " DESC, name")
                .bind("pod", podId)
                .map((rs, ctx) -> agent(rs))
                .list());
  }

  public Optional<Agent> agent(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(AGENT + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> agent(rs))
                .findOne());
  }

  public Optional<Agent> nova() {
    return jdbi.withHandle(
        h -> h.createQuery(AGENT + " WHERE canonical").map((rs, ctx) -> agent(rs)).findOne());
  }

  public boolean nameTaken(String name, UUID except) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM agents WHERE lower(name) = lower(:name) AND id IS"
                            + " DISTINCT FROM :except")
                    .bind("name", name)
                    .bind("except", except)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void insert(Agent a) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO agents (id, name, pod_id, model, system_prompt, fallback_models,
                      created_by)
                    VALUES (:id, :name, :podId, :model, :systemPrompt, CAST(:fallbacks AS jsonb),
                      :createdBy)\
                    """)
                .bindMethods(a)
                .bind("fallbacks", toJson(a.fallbackModels()))
                .execute());
  }

  public void update(Agent a) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE agents SET name = :name, pod_id = :podId, model = :model,
                      system_prompt = :systemPrompt,
                      fallback_models = CAST(:fallbacks AS jsonb),
                        updated_at = now() WHERE id = :id\
                    """)
                .bindMethods(a)
                .bind("fallbacks", toJson(a.fallbackModels()))
                .execute());
  }

  public boolean deleteAgent(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM agents WHERE id = :id AND NOT canonical")
                    .bind("id", id)
                    .execute()
                == 1);
  }

  public List<Pod> pods() {
    return jdbi.withHandle(
        h -> h.createQuery(POD + " ORDER BY name").map((rs, ctx) -> pod(rs)).list());
  }

  public Optional<Pod> pod(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(POD + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> pod(rs))
                .findOne());
  }

  public boolean podNameTaken(String name, UUID except) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM pods WHERE lower(name) = lower(:name) AND id IS"
                            + " DISTINCT FROM :except")
                    .bind("name", name)
                    .bind("except", except)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public void insertPod(Pod p) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO pods (id, name, description, sandbox_tier, created_by) VALUES"
                        + " (:id, :name, :description, :sandboxTier, :createdBy)")
                .bindMethods(p)
                .execute());
  }

  public void updatePod(Pod p) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE pods SET name = :name, description = :description, sandbox_tier ="
                        + " :sandboxTier, updated_at = now() WHERE id = :id")
                .bindMethods(p)
                .execute());
  }

  /**
   * Deletes the pod and, by the foreign key's cascade, its agents; the canonical agent never
   * belongs to a pod.
   */
  public boolean deletePod(UUID id) {
    return jdbi.withHandle(
        h -> h.createUpdate("DELETE FROM pods WHERE id = :id").bind("id", id).execute() == 1);
  }

  private Agent agent(ResultSet rs) throws SQLException {
    return new Agent(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getObject("pod_id", UUID.class),
        rs.getString("model"),
        rs.getString("system_prompt"),
        parse(rs.getString("fallbacks")),
        rs.getBoolean("canonical"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private Pod pod(ResultSet rs) throws SQLException {
    return new Pod(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("sandbox_tier"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private String toJson(List<String> list) {
    try {
      return json.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private List<String> parse(String text) {
    try {
      return json.readValue(text, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("agents.fallback_models does not parse: " + text, e);
    }
  }
}
