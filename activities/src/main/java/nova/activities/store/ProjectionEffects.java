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
      case "assigned" -> dao.assignServer(change.taskId(), change.serverId());
      case "plan_submitted" -> dao.setPlan(change.taskId(), change.text());
      case "plan_revision_requested" -> dao.setPlanFeedback(change.taskId(), change.text());
      case "help_requested" ->
          dao.openIntervention(
              change.interventionId(), change.taskId(), change.text(), change.actor(), at);
      case "intervention_answered" ->
          dao.closeIntervention(
              change.interventionId(), "answered", change.text(), change.actor(), at);
      case "cancelled" -> {
        if (change.interventionId() != null) {
          dao.closeIntervention(change.interventionId(), "cancelled", null, change.actor(), at);
        }
      }
      case "submitted_for_review", "completed", "failed" -> {
        if (change.text() != null) dao.setResult(change.taskId(), change.text());
      }
      case "note_added" ->
          dao.insertNote(
              change.taskId(), change.seq(), change.actor(), change.text(), change.urgent(), at);
      default -> {}
    }
  }
}
