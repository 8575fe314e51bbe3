package nova.web.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The llm section of nova.yml: providers from the file or the environment, limits, the breaker and
 * the local model.
 */
public class LlmSettings {
  /** Requests a minute one API key (or one signed-in person) may send through the gateway. */
  @Min(1)
  @JsonProperty
  public int keyRequestsPerMinute = 600;

  /**
   * The model of new agents and of the Nova agent; empty: the first model of the first enabled
   * provider.
   */
  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  public String defaultModel = "";

  /** How often each server rereads providers and aliases that another server's admin changed. */
  @NotNull @JsonProperty public Duration refresh = Duration.seconds(15);

  @Valid @NotNull @JsonProperty public Breaker breaker = new Breaker();
  @Valid @NotNull @JsonProperty public LocalModelSettings local = new LocalModelSettings();
  @Valid @NotNull @JsonProperty public ConductorSettings conductor = new ConductorSettings();

  /**
   * Entries without a key (or, for Ollama, without a base URL) are not configured and are left out.
   */
  @Valid
  @NotNull
  @JsonProperty
  @JsonSetter(nulls = Nulls.AS_EMPTY)
  public List<ProviderSettings> providers = new ArrayList<>();

  public static class Breaker {
    /**
     * How many of a provider's latest calls the failure rate is taken over; half failing opens the
     * circuit.
     */
    @Min(2)
    @Max(1000)
    @JsonProperty
    public int window = 10;

    @NotNull @JsonProperty public Duration openFor = Duration.seconds(30);
  }

  public static class ConductorSettings {
    /**
     * An LPU conductor's base URL: the target of ConductorActivities, and the default provider
     * (kind lpu) while none is enabled.
     */
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public String url = "";

    /** The bearer token the conductor's /admin API asks for (its NOVA_CONDUCTOR_ADMIN_TOKEN). */
    @JsonProperty
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    public String adminToken = "";
  }

  public static class LocalModelSettings {
    @NotNull @JsonProperty public Duration firstToken = Duration.milliseconds(150);

    @Min(1)
    @Max(100_000)
    @JsonProperty
    public double tokensPerSecond = 60;
  }
}
