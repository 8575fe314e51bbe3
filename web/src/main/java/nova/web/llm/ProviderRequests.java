package nova.web.llm;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nova.activities.llm.gateway.ProviderModel;

/** The bodies of /api/v1/providers and /api/v1/model-aliases. */
public final class ProviderRequests {
  private ProviderRequests() {}

  /**
   * A new provider, or the whole of an existing one (PUT); an empty api_key on PUT keeps the stored
   * key.
   */
  public record ProviderBody(
      @NotBlank
          @Pattern(regexp = ProviderRules.NAME, message = "must be " + ProviderRules.NAME_RULE)
          String name,
      @NotBlank
          @Pattern(
              regexp = "openai|anthropic|ollama|lpu",
              message =
                  "must be openai (any OpenAI-compatible server), anthropic, ollama or lpu (a Nova"
                      + " conductor's /openai/v1)")
          String kind,
      @NotBlank @Size(max = 500) String baseUrl,
      @Size(max = 500) String apiKey,
      @NotNull @NotEmpty List<@Valid @NotNull ProviderModel> models,
      @Min(1) Integer rpm,
      Boolean enabled) {}

  public record AliasBody(@NotNull @NotEmpty @Size(max = 10) List<@NotBlank String> targets) {}
}
