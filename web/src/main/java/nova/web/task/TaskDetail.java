package nova.web.task;

import java.util.List;
import java.util.UUID;
import nova.web.errors.ApiException;
import org.jdbi.v3.core.Jdbi;

/** A task with its activity log, interventions and notes, as GET /tasks/{id} shows it. */
public record TaskDetail(
    TaskQueries.Task task, List<TaskQueries.Event> events, List<TaskQueries.Intervention> interventions, List<TaskQueries.Note> notes) {

  public static TaskDetail load(Jdbi jdbi, UUID id) {
    return jdbi.withExtension(TaskQueries.class, q -> {
      TaskQueries.Task task = q.task(id).orElseThrow(() -> ApiException.notFound("task", id));
      return new TaskDetail(task, q.events(id), q.interventions(id), q.notes(id));
    });
  }
}
