package nova.web.memory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nova.web.errors.ApiException;

/** The bodies of /api/v1/memories. */
public final class MemoryRequests {
  private MemoryRequests() {}

  public record NewMemory(String content, String scope, Map<String, Object> metadata) {}

  public record Batch(List<NewMemory> items) {}

  /** scope: one scope or a list of them; none searches every scope. */
  public record Search(
      String query, String mode, JsonNode scope, Map<String, Object> filter, Integer limit) {
    List<String> scopes() {
      if (scope == null || scope.isNull()) return List.of();
      if (scope.isTextual()) return List.of(scope.asText());
      if (scope.isArray()) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : scope) {
          if (!s.isTextual())
            throw ApiException.badRequest(
                "scope must be a string or a list of strings such as \"agent:ID\"");
          out.add(s.asText());
        }
        return out;
      }
      throw ApiException.badRequest(
          "scope must be a string or a list of strings such as \"agent:ID\"");
    }
  }
}
