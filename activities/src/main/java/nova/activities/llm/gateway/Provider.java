package nova.activities.llm.gateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nova.activities.llm.ProviderConfig;
import nova.activities.llm.ProviderKind;

/**
 * A provider as Nova knows it: where it is, its key, the models it offers, and Nova's own rate
 * limit for it. {@code source} says who owns the row: {@code config} (nova.yml or the environment,
 * rewritten at each start), {@code app} (an admin) or {@code builtin} (the local model).
 */
public record Provider(
    UUID id,
    String name,
    ProviderKind kind,
    String baseUrl,
    String apiKey,
    List<ProviderModel> models,
    Integer rpm,
    String source,
    boolean enabled) {
  public static final String CONFIG = "config";
  public static final String APP = "app";
  public static final String BUILTIN = "builtin";

  public Optional<ProviderModel> model(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  public boolean editable() {
    return APP.equals(source);
  }

  /** The key as the app shows it: never the secret, only enough to tell two keys apart. */
  public String maskedKey() {
    if (apiKey == null || apiKey.isEmpty()) return "";
    if (apiKey.length() < 12) return "••••";
    return apiKey.substring(0, 3) + "••••" + apiKey.substring(apiKey.length() - 4);
  }

  public ProviderConfig clientConfig() {
    return ProviderConfig.of(name, kind, baseUrl, apiKey);
  }
}
