package nova.workflows.task.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What happened to a task. The wire name (plan_submitted) is what histories, the task_events table,
 * live notices and the API carry; code switches on the constant, exhaustively, so a new or renamed
 * kind is a compile error wherever it matters instead of a silently dropped effect.
 */
public enum TaskEventType {
  CREATED,
  RESUMED,
  REMINDER,
  PLAN_MODE,
  ASSIGNED,
  STARTED,
  PLAN_SUBMITTED,
  PLAN_APPROVED,
  PLAN_REVISION_REQUESTED,
  HELP_REQUESTED,
  INTERVENTION_ANSWERED,
  SUBMITTED_FOR_REVIEW,
  REVIEW_APPROVED,
  CHANGES_REQUESTED,
  COMPLETED,
  FAILED,
  CANCELLED,
  NOTE_ADDED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TaskEventType fromWire(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown task event type '"
                        + name
                        + "'; known: "
                        + Arrays.stream(values()).map(TaskEventType::wireName).toList()));
  }
}
