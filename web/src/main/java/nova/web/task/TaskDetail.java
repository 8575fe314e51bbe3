package nova.web.task;

import java.util.List;

/** A task with its activity log, interventions and notes, as GET /tasks/{id} shows it. */
public record TaskDetail(
    TaskQueries.Task task,
    List<TaskQueries.Event> events,
    List<TaskQueries.Intervention> interventions,
    List<TaskQueries.Note> notes) {}
