package nova.workflows.memory.messages;

import java.util.List;
import java.util.Map;

/**
 * mode: semantic, keyword or hybrid. scopes: none means every scope. filter: metadata keys to a
 * value, or to {"in": [values]}.
 */
public record MemoryQuery(
    String query, String mode, List<String> scopes, Map<String, Object> filter, Integer limit) {}
