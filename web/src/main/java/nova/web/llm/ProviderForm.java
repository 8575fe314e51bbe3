package nova.web.llm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nova.activities.llm.gateway.ProviderModel;
import nova.web.errors.ApiException;

/**
 * The app's provider form: models one a line as "id [input price] [output price]", prices in USD
 * per million tokens.
 */
final class ProviderForm {
  private ProviderForm() {}

  static ProviderRequests.ProviderBody body(
      String name, String kind, String baseUrl, String apiKey, String models, String rpm) {
    String n = blankToNull(name);
    if (n == null || !n.matches(ProviderRules.NAME))
      throw ProviderRules.field("name", "name must be " + ProviderRules.NAME_RULE);
    if (kind == null || !kind.matches("openai|anthropic|ollama|lpu"))
      throw ProviderRules.field("kind", "kind must be openai, anthropic, ollama or lpu");
    if (blankToNull(baseUrl) == null)
      throw ProviderRules.field(
          "base_url", "base URL is required, such as https://api.openai.com/v1");
    return new ProviderRequests.ProviderBody(
        n, kind, baseUrl.strip(), apiKey, models(models), rpm(rpm), true);
  }

  static List<ProviderModel> models(String text) {
    List<ProviderModel> models = new ArrayList<>();
    int line = 0;
    for (String raw : text == null ? new String[0] : text.split("\\R")) {
      line++;
      String[] parts = raw.strip().split("\\s+");
      if (parts[0].isEmpty()) continue;
      if (parts.length > 3)
        throw ProviderRules.field(
            "models",
            "models line "
                + line
                + " has "
                + parts.length
                + " words; write: id [input price] [output price]");
      try {
        models.add(
            new ProviderModel(
                parts[0],
                parts.length > 1 ? new BigDecimal(parts[1]) : null,
                parts.length > 2 ? new BigDecimal(parts[2]) : null));
      } catch (NumberFormatException e) {
        throw ProviderRules.field(
            "models", "models line " + line + ": prices must be numbers, such as 0.15");
      }
    }
    return models;
  }

  private static Integer rpm(String rpm) {
    if (blankToNull(rpm) == null) return null;
    try {
      int value = Integer.parseInt(rpm.strip());
      if (value >= 1) return value;
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw new ApiException(
        400,
        "requests a minute must be a whole number of at least 1, or empty for no limit",
        Map.of("field", "rpm"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
