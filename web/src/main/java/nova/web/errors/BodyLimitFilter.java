package nova.web.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/** Refuses bodies over 1 MiB with 413, whether or not the client declared a length. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {
  public static final int MAX_BYTES = 1 << 20;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > MAX_BYTES) throw tooLarge();
    if (!request.hasEntity()) return;
    byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) throw tooLarge();
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static ApiException tooLarge() {
    return new ApiException(413, "request body is larger than 1 MiB", Map.of("max_bytes", MAX_BYTES));
  }
}
