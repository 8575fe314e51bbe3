package nova.web.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Projects, and the servers registered to them. */
@RegisterConstructorMapper(ProjectDao.Project.class)
@RegisterConstructorMapper(ProjectDao.Server.class)
public interface ProjectDao {
  record Project(
      UUID id,
      String name,
      String description,
      boolean requirePlanApproval,
      String status,
      Instant createdAt) {}

  record Server(
      UUID id,
      UUID projectId,
      String name,
      String capabilities,
      String status,
      Instant registeredAt,
      Instant lastSeenAt) {}

  @SqlQuery("SELECT * FROM projects ORDER BY name")
  List<Project> projects();

  @SqlQuery("SELECT * FROM projects WHERE id = :id")
  Optional<Project> project(UUID id);

  @SqlQuery("SELECT * FROM projects WHERE name = :name")
  Optional<Project> projectNamed(String name);

  /** Returns 0 when the name is taken. */
  @SqlUpdate(
      """
      INSERT INTO projects (id, name, description, require_plan_approval) VALUES (:id, :name,
        :description, :requirePlan)
      ON CONFLICT (name) DO NOTHING\
      """)
  int insertProject(UUID id, String name, String description, boolean requirePlan);

  @SqlQuery(
      "SELECT id, project_id, name, capabilities::text AS capabilities, status, registered_at,"
          + " last_seen_at FROM servers ORDER BY name")
  List<Server> servers();

  @SqlQuery(
      "SELECT id, project_id, name, capabilities::text AS capabilities, status, registered_at,"
          + " last_seen_at FROM servers WHERE id = :id")
  Optional<Server> server(UUID id);

  @SqlQuery(
      """
      SELECT id, project_id, name, capabilities::text AS capabilities, status, registered_at,
        last_seen_at
      FROM servers WHERE name = :name ORDER BY registered_at\
      """)
  List<Server> serversNamed(String name);

  /** Returns 0 when the project has a server of that name already. */
  @SqlUpdate(
      """
      INSERT INTO servers (id, project_id, name, capabilities) VALUES (:id, :projectId, :name,
        CAST(:capabilities AS jsonb))
      ON CONFLICT (project_id, name) DO NOTHING\
      """)
  int insertServer(UUID id, UUID projectId, String name, String capabilities);
}
