package nova.web.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nova.activities.llm.ProviderKind;
import nova.activities.llm.gateway.Provider;
import nova.activities.llm.gateway.ProviderModel;

/** One provider in nova.yml. */
public class ProviderSettings {
  @NotBlank
  @Pattern(regexp = ProviderRules.NAME)
  @JsonProperty
  public String name;

  @NotBlank
  @Pattern(regexp = "openai|anthropic|ollama|lpu")
  @JsonProperty
  public String kind;

  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  public String baseUrl = "";

  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  public String apiKey = "";

  @Min(1)
  @JsonProperty
  public Integer rpm;

  @Valid
  @NotNull
  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  public List<Model> models = new ArrayList<>();

  public static class Model {
    @NotBlank @JsonProperty public String id;
    @JsonProperty public BigDecimal inputPerMtok = BigDecimal.ZERO;
    @JsonProperty public BigDecimal outputPerMtok = BigDecimal.ZERO;
  }

  /** The provider, if this entry is configured: a key for hosted kinds, a base URL for Ollama. */
  public Optional<Provider> provider() {
    ProviderKind k = ProviderKind.fromWire(kind);
    boolean configured =
        k == ProviderKind.OLLAMA || k == ProviderKind.LPU
            ? !baseUrl.isBlank()
            : !apiKey.isBlank() && !baseUrl.isBlank();
    if (!configured) return Optional.empty();
    List<ProviderModel> list =
        models.stream().map(m -> new ProviderModel(m.id, m.inputPerMtok, m.outputPerMtok)).toList();
    return Optional.of(
        new Provider(null, name, k, baseUrl, apiKey, list, rpm, Provider.CONFIG, true));
  }
}
