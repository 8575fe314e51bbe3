package nova.web.llm;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nova.activities.llm.gateway.ProviderModel;
import nova.web.errors.ApiException;

/**
 * What a provider entry must be, checked the same way for nova.yml, the API and the app's forms.
 */
public final class ProviderRules {
  public static final String NAME = "[a-z0-9][a-z0-9-]{0,39}";
  public static final String NAME_RULE =
      "lower-case letters, digits and '-', starting with a letter or digit, at most 40";
  public static final String ALIAS = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  private ProviderRules() {}

  public static void checkBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      throw field("base_url", "base_url is not a URL (" + e.getMessage() + ")");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw field(
          "base_url",
          "base_url must be an absolute http:// or https:// URL, such as"
              + " https://api.openai.com/v1");
    }
  }

  public static void checkModels(List<ProviderModel> models) {
    if (models == null || models.isEmpty())
      throw field("models", "models must list at least one model the provider offers");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < models.size(); i++) {
      ProviderModel m = models.get(i);
      if (m == null || m.id() == null || m.id().isBlank())
        throw field("models[" + i + "].id", "models[" + i + "].id must be the provider's model id");
      if (!seen.add(m.id()))
        throw field("models[" + i + "].id", "model '" + m.id() + "' is listed twice");
      if (m.inputPerMtok().signum() < 0 || m.outputPerMtok().signum() < 0)
        throw field("models[" + i + "]", "prices must not be negative");
    }
  }

  static ApiException field(String field, String message) {
    return new ApiException(400, message, Map.of("field", field));
  }
}
