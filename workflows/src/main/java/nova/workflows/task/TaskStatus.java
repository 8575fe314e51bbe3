package nova.workflows.task;

import java.util.Locale;

/**
 * The states of a task (the README's lifecycle table), plus cancelled. Wire names are lower snake
 * case.
 */
public enum TaskStatus {
  PENDING,
  ASSIGNED,
  PLANNING,
  PLAN_REVIEW,
  RUNNING,
  NEEDS_HUMAN,
  REVIEW,
  DONE,
  FAILED,
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskStatus fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }

  /** States in which the task waits on a person; waiting too long there records a reminder. */
  public boolean awaitsHuman() {
    return this == PLAN_REVIEW || this == NEEDS_HUMAN || this == REVIEW;
  }
}
