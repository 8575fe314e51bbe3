package nova.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import nova.activities.store.TaskStoreServices;
import nova.web.platform.Database;
import nova.workflows.task.TaskStoreActivities;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The projection activity against the real PostgreSQL, for one new task of a project with an agent
 * server: what its tests share.
 */
abstract class ProjectionFixture {
  final Fixtures.Agent agent = Fixtures.agent(true);
  final String projectId = Fixtures.projectId(agent.projectName());
  final UUID task = UUID.randomUUID();
  Database database;
  Jdbi jdbi;
  TaskStoreActivities store;

  @BeforeEach
  void connect() {
    database = Fixtures.database();
    jdbi = database.jdbi();
    store = new TaskStoreServices(jdbi, new ObjectMapper()).activities();
  }

  @AfterEach
  void disconnect() {
    database.stop();
  }

  static int count(Jdbi jdbi, String table, UUID task) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM " + table + " WHERE task_id = :id")
                .bind("id", task)
                .mapTo(Integer.class)
                .one());
  }
}
