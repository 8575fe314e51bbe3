package nova.activities.memory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads "global", "agent:X", "pod:X" and "project:X", where X is an id or a name, into the stored
 * form with the id, so a memory stays with its agent when the agent is renamed.
 */
final class Scopes {
  static final String GLOBAL = "global";
  private static final String ALLOWED =
      "global, agent:ID, pod:ID or project:ID (a name works in place of the ID)";
  private final Jdbi jdbi;

  Scopes(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public String resolve(String scope) {
    if (scope == null || scope.isBlank())
      throw new BadMemoryRequest("scope is required: " + ALLOWED);
    String trimmed = scope.trim();
    if (trimmed.equals(GLOBAL)) return GLOBAL;
    int colon = trimmed.indexOf(':');
    String kind = colon < 0 ? trimmed : trimmed.substring(0, colon);
    String table =
        switch (kind) {
          case "agent" -> "agents";
          case "pod" -> "pods";
          case "project" -> "projects";
          default ->
              throw new BadMemoryRequest("unknown scope '" + trimmed + "': a scope is " + ALLOWED);
        };
    String key = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
    if (key.isEmpty())
      throw new BadMemoryRequest(
          "scope '" + trimmed + "' names no " + kind + ": a scope is " + ALLOWED);
    return kind
        + ":"
        + find(table, key)
            .orElseThrow(
                () ->
                    new BadMemoryRequest(
                        "scope '" + trimmed + "': no " + kind + " has that id or name"));
  }

  public List<String> resolveAll(List<String> scopes) {
    return scopes == null ? List.of() : scopes.stream().map(this::resolve).distinct().toList();
  }

  private Optional<UUID> find(String table, String key) {
    UUID id = uuid(key);
    return jdbi.withHandle(
        h ->
            id == null
                ? h.createQuery("SELECT id FROM " + table + " WHERE name = :key")
                    .bind("key", key)
                    .mapTo(UUID.class)
                    .findOne()
                : h.createQuery("SELECT id FROM " + table + " WHERE id = :id")
                    .bind("id", id)
                    .mapTo(UUID.class)
                    .findOne());
  }

  private static UUID uuid(String key) {
    try {
      return key.length() == 36 ? UUID.fromString(key) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
