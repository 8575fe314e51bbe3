package nova.activities.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search's metadata filter as SQL on the chunks' JSONB: each key must equal a value, or one of
 * {"in": [values]}. Every test is a containment (@>), which the GIN index on metadata answers.
 */
record MetadataFilter(String sql, Map<String, String> binds) {
  static final int MAX_KEYS = 20;
  static final int MAX_VALUES = 100;
  private static final String ALLOWED =
      "a filter maps metadata keys to a string, number or boolean, or to {\"in\": [values]}";

  static MetadataFilter of(Map<String, Object> filter, MetadataJson json) {
    if (filter == null || filter.isEmpty()) return new MetadataFilter("", Map.of());
    if (filter.size() > MAX_KEYS)
      throw new BadMemoryRequest("filter has " + filter.size() + " keys; at most " + MAX_KEYS);
    StringBuilder sql = new StringBuilder();
    Map<String, String> binds = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : filter.entrySet()) {
      String key = entry.getKey();
      if (key.isBlank()) throw new BadMemoryRequest("filter has an empty key; " + ALLOWED);
      List<String> any = new ArrayList<>();
      for (Object value : values(key, entry.getValue())) {
        String name = "f" + binds.size();
        binds.put(name, json.write(Map.of(key, value)));
        any.add("metadata @> CAST(:" + name + " AS jsonb)");
      }
      sql.append(" AND (").append(String.join(" OR ", any)).append(')');
    }
    return new MetadataFilter(sql.toString(), binds);
  }

  private static List<?> values(String key, Object value) {
    if (scalar(value)) return List.of(value);
    if (value instanceof Map<?, ?> op && op.size() == 1 && op.get("in") instanceof List<?> list) {
      if (list.isEmpty() || list.size() > MAX_VALUES) {
        throw new BadMemoryRequest(
            "filter." + key + ".in has " + list.size() + " values; it takes 1 to " + MAX_VALUES);
      }
      if (!list.stream().allMatch(MetadataFilter::scalar))
        throw new BadMemoryRequest("filter." + key + ".in must list strings, numbers or booleans");
      return list;
    }
    throw new BadMemoryRequest("filter." + key + " is " + describe(value) + "; " + ALLOWED);
  }

  private static boolean scalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String describe(Object value) {
    if (value == null) return "null";
    if (value instanceof Map<?, ?> map) return "an object with " + map.keySet();
    if (value instanceof List<?>) return "a list";
    return "a " + value.getClass().getSimpleName();
  }
}
