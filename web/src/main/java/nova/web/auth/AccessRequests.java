package nova.web.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the key and user endpoints. */
public final class AccessRequests {
  private AccessRequests() {}

  public record NewKey(
      @NotBlank @Size(max = 100) String name,
      @Pattern(
              regexp = "admin|viewer",
              message = "must be admin or viewer (agent keys come from server registration)")
          String role) {}

  public record NewUser(
      @NotBlank
          @Size(max = 64)
          @Pattern(
              regexp = "[A-Za-z0-9._@-]+",
              message = "must be letters, digits, '.', '_', '@' or '-'")
          String username,
      @NotBlank @Size(min = Passwords.MIN_LENGTH, max = 200) String password,
      @NotBlank @Pattern(regexp = "admin|viewer", message = "must be admin or viewer")
          String role) {}

  public record RoleChange(
      @NotBlank @Pattern(regexp = "admin|viewer", message = "must be admin or viewer")
          String role) {}

  public record NewPassword(
      @NotBlank @Size(min = Passwords.MIN_LENGTH, max = 200) String password) {}
}
