package nova.activities.llm.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nova.activities.conductor.ConductorServices;
import nova.activities.llm.ProviderKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured LPU conductor as the gateway's default provider, named {@code lpu}, offering the
 * models the conductor lists (its instance and LoRA adapters). Asked at each catalog reload, so a
 * conductor that redeploys another model is followed; one that does not answer is left out until it
 * does.
 */
final class DefaultConductor {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultConductor.class);
  private static final Duration ASK_WITHIN = Duration.ofSeconds(2);
  private final ConductorServices conductors;
  private Boolean answered; // null until first asked, so the first answer is logged either way

  DefaultConductor(ConductorServices conductors) {
    this.conductors = conductors;
  }

  Optional<Provider> provider(String url) {
    if (url.isBlank()) return Optional.empty();
    try {
      List<ProviderModel> models =
          conductors.models(url, ASK_WITHIN).stream().map(ProviderModel::free).toList();
      if (!Boolean.TRUE.equals(answered))
        LOG.info(
            "no provider is enabled: the gateway serves the conductor at {} as provider lpu, models"
                + " {}",
            url,
            models.stream().map(ProviderModel::id).toList());
      answered = true;
      return Optional.of(
          new Provider(
              null,
              "lpu",
              ProviderKind.LPU,
              url.replaceAll("/+$", "") + "/openai/v1",
              "",
              models,
              null,
              Provider.BUILTIN,
              true));
    } catch (IOException e) {
      if (!Boolean.FALSE.equals(answered))
        LOG.warn(
            "the conductor at {} does not answer ({}); serving the built-in local model until it"
                + " does",
            url,
            e.getMessage());
      answered = false;
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
