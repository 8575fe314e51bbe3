package nova.activities.store;

import java.time.Instant;
import nova.workflows.task.messages.TaskChange;

/** What each kind of task event changes beside the task's status, in the same transaction. */
final class ProjectionEffects {
  private final TaskProjectionDao dao;

  ProjectionEffects(TaskProjectionDao dao) {
    this.dao = dao;
  }

  void apply(TaskChange change, Instant at) {
    switch (change.type()) {
      case ASSIGNED -> dao.assignServer(change.taskId(), change.serverId());
      case PLAN_SUBMITTED -> dao.setPlan(change.taskId(), change.text());
      case PLAN_REVISION_REQUESTED -> dao.setPlanFeedback(change.taskId(), change.text());
      case HELP_REQUESTED ->
          dao.openIntervention(
              change.interventionId(), change.taskId(), change.text(), change.actor(), at);
      case INTERVENTION_ANSWERED ->
          dao.closeIntervention(
              change.interventionId(), "answered", change.text(), change.actor(), at);
      case CANCELLED -> {
        if (change.interventionId() != null) {
          dao.closeIntervention(change.interventionId(), "cancelled", null, change.actor(), at);
        }
      }
      case SUBMITTED_FOR_REVIEW, COMPLETED, FAILED -> {
        if (change.text() != null) dao.setResult(change.taskId(), change.text());
      }
      case NOTE_ADDED ->
          dao.insertNote(
              change.taskId(), change.seq(), change.actor(), change.text(), change.urgent(), at);
      case CREATED,
          RESUMED,
          REMINDER,
          PLAN_MODE,
          STARTED,
          PLAN_APPROVED,
          REVIEW_APPROVED,
          CHANGES_REQUESTED -> {}
    }
  }
}
