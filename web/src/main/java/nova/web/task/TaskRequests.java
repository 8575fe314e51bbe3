package nova.web.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the task endpoints. Text fields are bounded well inside the 1 MiB body limit. */
public final class TaskRequests {
  public static final int MAX_TEXT = 256 * 1024;

  private TaskRequests() {}

  public record NewTask(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = MAX_TEXT) String spec,
      @NotBlank String project,
      String server) {}

  public record Assign(@NotBlank String server) {}

  /**
   * Feedback for a revision or requested changes, an answer, a reason to cancel; required where the
   * action needs words.
   */
  public record Comment(@Size(max = MAX_TEXT) String text) {}

  public record AgentText(@Size(max = MAX_TEXT) String text) {}

  public record NewNote(@NotBlank @Size(max = MAX_TEXT) String content, Boolean urgent) {}
}
