package nova.web.task;

import java.util.List;

/** A task with its activity log, interventions and notes, as GET /tasks/{id} shows it. */
public record TaskDetail(
    TaskDao.Task task,
    List<TaskDao.Event> events,
    List<TaskDao.Intervention> interventions,
    List<TaskDao.Note> notes) {}
