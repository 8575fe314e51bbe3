package nova.activities.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nova.workflows.task.TaskStoreActivities;
import org.jdbi.v3.core.Jdbi;

/**
 * The door to the task projection: the activity that writes each task change to PostgreSQL, and the
 * changes that wait to be written because PostgreSQL refused them.
 */
public final class TaskStoreServices {
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final ProjectionBacklog backlog = new ProjectionBacklog();

  public TaskStoreServices(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  public TaskStoreActivities activities() {
    return new TaskStoreActivitiesImpl(jdbi, json, backlog);
  }

  /** One entry per task whose next change waits, oldest first. */
  public List<WaitingProjection> waiting() {
    return backlog.waiting();
  }
}
