package nova.web.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The bodies of /api/v1/agents, /api/v1/pods and /api/v1/chat/stream. */
public final class AgentRequests {
  static final String NAME = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}";
  static final String NAME_RULE =
      "must be letters, digits, spaces, '.', '_' or '-', starting with a letter or digit, at most"
          + " 64";

  private AgentRequests() {}

  /** A new agent; model empty: the default model. */
  public record NewAgent(
      @NotBlank @Pattern(regexp = NAME, message = NAME_RULE) String name,
      @Size(max = 200) String model,
      @Size(max = 64_000) String systemPrompt,
      @Size(max = 10) List<@NotBlank String> fallbackModels,
      UUID podId) {}

  /** PATCH .../config: only the fields sent change. */
  public record AgentConfig(
      @Pattern(regexp = NAME, message = NAME_RULE) String name,
      @Size(min = 1, max = 200) String model,
      @Size(max = 64_000) String systemPrompt,
      @Size(max = 10) List<@NotBlank String> fallbackModels) {}

  public record NewPod(
      @NotBlank @Pattern(regexp = NAME, message = NAME_RULE) String name,
      @Size(max = 2000) String description,
      @Pattern(
              regexp = "isolated|nova|workspace|host",
              message = "must be isolated, nova, workspace or host")
          String sandboxTier) {}

  public record PodChange(
      @Pattern(regexp = NAME, message = NAME_RULE) String name,
      @Size(max = 2000) String description,
      @Pattern(
              regexp = "isolated|nova|workspace|host",
              message = "must be isolated, nova, workspace or host")
          String sandboxTier) {}

  /**
   * One chat turn: the new message, the turns before it (role user or assistant), and the agent
   * (empty: Nova).
   */
  public record ChatTurn(
      @NotBlank @Size(max = 100_000) String message,
      @Size(max = 200) List<HistoryItem> history,
      UUID agentId) {}

  public record HistoryItem(
      @NotBlank @Pattern(regexp = "user|assistant", message = "must be user or assistant")
          String role,
      @NotBlank @Size(max = 100_000) String content) {}
}
