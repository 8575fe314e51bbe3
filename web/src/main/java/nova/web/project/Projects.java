package nova.web.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.web.auth.ApiKeyDao;
import nova.web.auth.ApiKeys;
import nova.web.auth.Caller;
import nova.web.auth.Role;
import nova.web.auth.Secrets;
import nova.web.auth.SecurityLog;
import nova.web.errors.ApiException;
import nova.web.project.ProjectDao.Project;
import nova.web.project.ProjectDao.Server;
import nova.web.project.ProjectRequests.NewProject;
import nova.web.project.ProjectRequests.RegisterServer;
import nova.workflows.failures.NameTaken;
import nova.workflows.failures.NotFound;
import org.jdbi.v3.core.Jdbi;

/** Projects, registration tokens and server registration, for the API and the admin app alike. */
public final class Projects {
  public static final String TOKEN_PREFIX = "nrt-";
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final SecurityLog audit;

  public Projects(Jdbi jdbi, ObjectMapper json, SecurityLog audit) {
    this.jdbi = jdbi;
    this.json = json;
    this.audit = audit;
  }

  public record IssuedToken(UUID id, UUID projectId, String token, Instant expiresAt) {}

  public record Registered(UUID serverId, String name, UUID projectId, String apiKey) {}

  public List<Project> all() {
    return dao().projects();
  }

  public Project create(Caller caller, NewProject request) {
    caller.requireAdmin();
    UUID id = UUID.randomUUID();
    String description = request.description() == null ? "" : request.description();
    boolean requirePlan = Boolean.TRUE.equals(request.requirePlanApproval());
    if (dao().insertProject(id, request.name().trim(), description, requirePlan) == 0) {
      throw new NameTaken(
          "a project named '" + request.name().trim() + "' exists already; names are unique",
          Map.of("name", request.name()));
    }
    return dao().project(id).orElseThrow();
  }

  /** A project by id or by name. */
  public Project project(String ref) {
    return (isUuid(ref) ? dao().project(UUID.fromString(ref)) : dao().projectNamed(ref.trim()))
        .orElseThrow(() -> new NotFound("project", ref));
  }

  /** A server by id, or by name within the project (names are unique per project). */
  public Server server(String ref, UUID projectId) {
    if (isUuid(ref))
      return dao().server(UUID.fromString(ref)).orElseThrow(() -> new NotFound("server", ref));
    return dao().serversNamed(ref.trim()).stream()
        .filter(s -> s.projectId().equals(projectId))
        .findFirst()
        .orElseThrow(() -> new NotFound("server", ref));
  }

  public IssuedToken issueToken(Caller caller, String projectRef, Integer hours) {
    caller.requireAdmin();
    Project project = project(projectRef);
    String token = TOKEN_PREFIX + Secrets.randomToken(24);
    UUID id = UUID.randomUUID();
    Instant expires = Instant.now().plus(Duration.ofHours(hours == null ? 24 : hours));
    jdbi.onDemand(RegistrationTokenDao.class)
        .insert(id, project.id(), Secrets.sha256(token), caller.actor(), expires);
    audit.record(
        "registration_token_issued",
        caller,
        Map.of(
            "token_id",
            id.toString(),
            "project",
            project.name(),
            "expires_at",
            expires.toString()));
    return new IssuedToken(id, project.id(), token, expires);
  }

  /**
   * Trades a token for a server and its agent key, all or nothing: a refused registration leaves
   * the token unused.
   */
  public Registered register(RegisterServer request) {
    return jdbi.inTransaction(
        handle -> {
          RegistrationTokenDao tokens = handle.attach(RegistrationTokenDao.class);
          var token =
              tokens
                  .consume(Secrets.sha256(request.token().trim()))
                  .orElseThrow(
                      () ->
                          ApiException.unauthorized(
                              "registration token is unknown, expired or already used"));
          UUID serverId = UUID.randomUUID();
          if (handle
                  .attach(ProjectDao.class)
                  .insertServer(serverId, token.projectId(), request.name(), capabilities(request))
              == 0) {
            throw new NameTaken(
                "this project has a server named '"
                    + request.name()
                    + "' already; pick another name",
                Map.of("name", request.name()));
          }
          tokens.linkServer(token.id(), serverId);
          ApiKeys.NewKey key = ApiKeys.generate();
          handle
              .attach(ApiKeyDao.class)
              .insert(
                  key.id(),
                  request.name(),
                  key.prefix(),
                  key.hash(),
                  Role.AGENT.wireName(),
                  serverId,
                  "registration");
          return new Registered(serverId, request.name(), token.projectId(), key.secret());
        });
  }

  private String capabilities(RegisterServer request) {
    try {
      return json.writeValueAsString(
          request.capabilities() == null ? List.of() : request.capabilities());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is JSON", e);
    }
  }

  private ProjectDao dao() {
    return jdbi.onDemand(ProjectDao.class);
  }

  static boolean isUuid(String ref) {
    return ref != null
        && ref.matches(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }
}
