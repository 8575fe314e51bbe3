package nova.activities.llm.gateway;

import java.util.List;
import java.util.Map;

/**
 * What the gateway offers at one moment: the providers, the aliases with their targets, and every
 * provider/model name.
 */
public record CatalogSnapshot(
    List<Provider> providers, Map<String, List<String>> aliases, List<String> models) {}
