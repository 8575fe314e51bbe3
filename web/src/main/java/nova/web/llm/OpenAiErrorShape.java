package nova.web.llm;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import nova.web.errors.ErrorBody;
import nova.web.ui.Routes;

/**
 * Under /v1 every error takes OpenAI's shape, {"error": {"message", "type", "param", "code"}}, so
 * OpenAI's SDKs raise it with Nova's message; Nova's own detail rides along beside it.
 */
public class OpenAiErrorShape implements ContainerResponseFilter {
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!request.getUriInfo().getPath().startsWith(Routes.OPENAI.substring(1) + "/")
        || !(response.getEntity() instanceof ErrorBody body)) return;
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", body.error());
    error.put("type", type(response.getStatus()));
    error.put("param", body.detail().get("field"));
    error.put("code", body.detail().getOrDefault("code", null));
    error.put("detail", body.detail());
    response.setEntity(Map.of("error", error));
  }

  private static String type(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "api_error" : "invalid_request_error";
    };
  }
}
