package nova.activities.llm.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import nova.activities.llm.Usage;

/**
 * A model a provider offers, by the provider's own id, with its price in USD per million tokens in
 * and out.
 */
public record ProviderModel(
    @JsonProperty("id") String id,
    @JsonProperty("input_per_mtok") BigDecimal inputPerMtok,
    @JsonProperty("output_per_mtok") BigDecimal outputPerMtok) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ProviderModel {
    if (inputPerMtok == null) inputPerMtok = BigDecimal.ZERO;
    if (outputPerMtok == null) outputPerMtok = BigDecimal.ZERO;
  }

  public static ProviderModel free(String id) {
    return new ProviderModel(id, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  public BigDecimal cost(Usage usage) {
    return inputPerMtok
        .multiply(BigDecimal.valueOf(usage.inputTokens()))
        .add(outputPerMtok.multiply(BigDecimal.valueOf(usage.outputTokens())))
        .divide(MILLION, 8, RoundingMode.HALF_UP);
  }
}
