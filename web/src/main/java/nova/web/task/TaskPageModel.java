package nova.web.task;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nova.web.project.ProjectDao;
import nova.workflows.task.TaskAction;
import nova.workflows.task.TaskStatus;

/** Everything the task page shows: the projection, the run's history, and the actions that fit. */
public record TaskPageModel(
    TaskDetail detail,
    List<TaskAction> actions,
    List<Step> lifecycle,
    List<ProjectDao.Server> servers,
    List<TaskHistory.Line> history,
    String historyError,
    String temporalLink) {

  /** Notes can be added until the task is final. */
  public boolean acceptsNotes() {
    return TaskAction.ADD_NOTE.allowedFrom(TaskStatus.fromWire(detail.task().status()));
  }

  /** The intervention waiting for an answer, if any. */
  public TaskDao.Intervention openIntervention() {
    return detail.interventions().stream()
        .filter(i -> i.status().equals("open"))
        .findFirst()
        .orElse(null);
  }

  /** One state of the lifecycle picture: reached before, current, or not (yet). */
  public record Step(String name, boolean reached, boolean current) {}

  private static final List<TaskStatus> PATH =
      List.of(
          TaskStatus.PENDING,
          TaskStatus.ASSIGNED,
          TaskStatus.PLANNING,
          TaskStatus.PLAN_REVIEW,
          TaskStatus.RUNNING,
          TaskStatus.NEEDS_HUMAN,
          TaskStatus.REVIEW,
          TaskStatus.DONE);

  static List<Step> lifecycle(TaskDetail detail) {
    TaskStatus current = TaskStatus.fromWire(detail.task().status());
    var seen = detail.events().stream().map(TaskDao.Event::toStatus).collect(Collectors.toSet());
    List<TaskStatus> path =
        current == TaskStatus.FAILED || current == TaskStatus.CANCELLED
            ? Stream.concat(
                    PATH.stream().filter(s -> seen.contains(s.wireName())), Stream.of(current))
                .toList()
            : PATH;
    return path.stream()
        .map(s -> new Step(s.wireName(), seen.contains(s.wireName()), s == current))
        .toList();
  }

  /** The actions a person may take now, in the order the page shows them. */
  static List<TaskAction> humanActions(TaskDetail detail) {
    TaskStatus status = TaskStatus.fromWire(detail.task().status());
    return TaskAction.allowedIn(status).stream()
        .filter(a -> a.actor() == TaskAction.Actor.HUMAN)
        .toList();
  }
}
