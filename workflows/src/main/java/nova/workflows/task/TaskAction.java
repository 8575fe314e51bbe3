package nova.workflows.task;

import static nova.workflows.task.TaskStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nova.workflows.task.messages.TaskEventType;

/**
 * Every action on a task, with the states it is valid in and the state it leads to: exactly the
 * task lifecycle table of the README, plus cancel from any state that is not final and notes.
 */
public enum TaskAction {
  ASSIGN(Actor.HUMAN, TaskWorkflow.ASSIGN, EnumSet.of(PENDING), ASSIGNED, TaskEventType.ASSIGNED),
  START(Actor.AGENT, TaskWorkflow.START, EnumSet.of(ASSIGNED), RUNNING, TaskEventType.STARTED),
  SUBMIT_PLAN(
      Actor.AGENT,
      TaskWorkflow.SUBMIT_PLAN,
      EnumSet.of(PLANNING),
      PLAN_REVIEW,
      TaskEventType.PLAN_SUBMITTED),
  APPROVE_PLAN(
      Actor.HUMAN,
      TaskWorkflow.APPROVE_PLAN,
      EnumSet.of(PLAN_REVIEW),
      RUNNING,
      TaskEventType.PLAN_APPROVED),
  REVISE_PLAN(
      Actor.HUMAN,
      TaskWorkflow.REVISE_PLAN,
      EnumSet.of(PLAN_REVIEW),
      PLANNING,
      TaskEventType.PLAN_REVISION_REQUESTED),
  REQUEST_HELP(
      Actor.AGENT,
      TaskWorkflow.REQUEST_HELP,
      EnumSet.of(RUNNING),
      NEEDS_HUMAN,
      TaskEventType.HELP_REQUESTED),
  RESPOND(
      Actor.HUMAN,
      TaskWorkflow.RESPOND,
      EnumSet.of(NEEDS_HUMAN),
      RUNNING,
      TaskEventType.INTERVENTION_ANSWERED),
  SUBMIT_FOR_REVIEW(
      Actor.AGENT,
      TaskWorkflow.SUBMIT_FOR_REVIEW,
      EnumSet.of(RUNNING),
      REVIEW,
      TaskEventType.SUBMITTED_FOR_REVIEW),
  APPROVE_REVIEW(
      Actor.HUMAN,
      TaskWorkflow.APPROVE_REVIEW,
      EnumSet.of(REVIEW),
      DONE,
      TaskEventType.REVIEW_APPROVED),
  REQUEST_CHANGES(
      Actor.HUMAN,
      TaskWorkflow.REQUEST_CHANGES,
      EnumSet.of(REVIEW),
      RUNNING,
      TaskEventType.CHANGES_REQUESTED),
  COMPLETE(Actor.AGENT, TaskWorkflow.COMPLETE, EnumSet.of(RUNNING), DONE, TaskEventType.COMPLETED),
  FAIL(Actor.AGENT, TaskWorkflow.FAIL, EnumSet.of(PLANNING, RUNNING), FAILED, TaskEventType.FAILED),
  CANCEL(
      Actor.HUMAN,
      TaskWorkflow.CANCEL,
      EnumSet.complementOf(EnumSet.of(DONE, FAILED, CANCELLED)),
      CANCELLED,
      TaskEventType.CANCELLED),
  ADD_NOTE(
      Actor.ANY,
      TaskWorkflow.ADD_NOTE,
      EnumSet.complementOf(EnumSet.of(DONE, FAILED, CANCELLED)),
      null,
      TaskEventType.NOTE_ADDED);

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
  private final TaskEventType eventType;

  TaskAction(
      Actor actor,
      String updateName,
      Set<TaskStatus> from,
      TaskStatus to,
      TaskEventType eventType) {
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

  public TaskEventType eventType() {
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
