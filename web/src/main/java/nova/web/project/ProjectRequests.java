package nova.web.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the project, token and registration endpoints. */
public final class ProjectRequests {
  private ProjectRequests() {}

  public record NewProject(
      @NotBlank @Size(max = 100) String name,
      @Size(max = 2000) String description,
      Boolean requirePlanApproval) {}

  public record NewRegistrationToken(
      @NotBlank String project, @Min(1) @Max(720) Integer expiresInHours) {}

  public record RegisterServer(
      @NotBlank String token,
      @NotBlank
          @Size(max = 64)
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
              message = "must be letters, digits, '.', '_' or '-'")
          String name,
      @Size(max = 50) List<@NotBlank @Size(max = 100) String> capabilities) {}
}
