package nova.workflows.task;

import static nova.workflows.task.TaskStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every action on a task, with the states it is valid in and the state it leads to: exactly the
 * valid-transitions table of seed 004, plus cancel from any state that is not final and notes.
 */
public enum TaskAction {
  ASSIGN(Actor.HUMAN, TaskWorkflow.ASSIGN, EnumSet.of(PENDING), ASSIGNED, "assigned"),
  START(Actor.AGENT, TaskWorkflow.START, EnumSet.of(ASSIGNED), RUNNING, "started"),
  SUBMIT_PLAN(
      Actor.AGENT, TaskWorkflow.SUBMIT_PLAN, EnumSet.of(PLANNING), PLAN_REVIEW, "plan_submitted"),
  APPROVE_PLAN(
      Actor.HUMAN, TaskWorkflow.APPROVE_PLAN, EnumSet.of(PLAN_REVIEW), RUNNING, "plan_approved"),
  REVISE_PLAN(
      Actor.HUMAN,
      TaskWorkflow.REVISE_PLAN,
      EnumSet.of(PLAN_REVIEW),
      PLANNING,
      "plan_revision_requested"),
  REQUEST_HELP(
      Actor.AGENT, TaskWorkflow.REQUEST_HELP, EnumSet.of(RUNNING), NEEDS_HUMAN, "help_requested"),
  RESPOND(
      Actor.HUMAN, TaskWorkflow.RESPOND, EnumSet.of(NEEDS_HUMAN), RUNNING, "intervention_answered"),
  SUBMIT_FOR_REVIEW(
      Actor.AGENT,
      TaskWorkflow.SUBMIT_FOR_REVIEW,
      EnumSet.of(RUNNING),
      REVIEW,
      "submitted_for_review"),
  APPROVE_REVIEW(
      Actor.HUMAN, TaskWorkflow.APPROVE_REVIEW, EnumSet.of(REVIEW), DONE, "review_approved"),
  REQUEST_CHANGES(
      Actor.HUMAN, TaskWorkflow.REQUEST_CHANGES, EnumSet.of(REVIEW), RUNNING, "changes_requested"),
  COMPLETE(Actor.AGENT, TaskWorkflow.COMPLETE, EnumSet.of(RUNNING), DONE, "completed"),
  FAIL(Actor.AGENT, TaskWorkflow.FAIL, EnumSet.of(PLANNING, RUNNING), FAILED, "failed"),
  CANCEL(
      Actor.HUMAN,
      TaskWorkflow.CANCEL,
      EnumSet.complementOf(EnumSet.of(DONE, FAILED, CANCELLED)),
      CANCELLED,
      "cancelled"),
  ADD_NOTE(
      Actor.ANY,
      TaskWorkflow.ADD_NOTE,
      EnumSet.complementOf(EnumSet.of(DONE, FAILED, CANCELLED)),
      null,
      "note_added");

  /** Who may take an action: a person through the admin app or API, or the assigned agent. */
  public enum Actor {
    HUMAN,
    AGENT,
    ANY
  }

  private final Actor actor;
  private final String updateName;
  private final Set<TaskStatus> from;
  private final TaskStatus to;
  private final String eventType;

  TaskAction(
      Actor actor, String updateName, Set<TaskStatus> from, TaskStatus to, String eventType) {
    this.actor = actor;
    this.updateName = updateName;
    this.from = from;
    this.to = to;
    this.eventType = eventType;
  }

  public Actor actor() {
    return actor;
  }

  /** The name of the Workflow Update that carries this action. */
  public String updateName() {
    return updateName;
  }

  public String eventType() {
    return eventType;
  }

  public boolean allowedFrom(TaskStatus status) {
    return from.contains(status);
  }

  /** The state after the action; a note leaves the state as it was. */
  public TaskStatus target(TaskStatus current) {
    return to == null ? current : to;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<TaskAction> allowedIn(TaskStatus status) {
    return EnumSet.allOf(TaskAction.class).stream().filter(a -> a.allowedFrom(status)).toList();
  }
}
