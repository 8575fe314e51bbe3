package nova.web.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Refuses bodies over 1 MiB with 413, whether or not the client declared a length. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {
  public static final int MAX_BYTES = 1 << 20;

  /**
   * Up to this much of an oversized body is read and dropped, so that the client, still sending,
   * hears the 413.
   */
  private static final long DRAIN_BYTES = 16L << 20;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > MAX_BYTES) throw tooLarge(request);
    if (!request.hasEntity()) return;
    byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) throw tooLarge(request);
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static ApiException tooLarge(ContainerRequestContext request) throws IOException {
    if (request.getLength() <= DRAIN_BYTES) {
      try {
        request.getEntityStream().transferTo(new LimitedSink(DRAIN_BYTES));
      } catch (IOException givenUp) {
        // past the limit, or the client stopped sending: the 413 goes out either way
      }
    }
    return tooLarge();
  }

  /** Discards what it is given, and gives up past its limit (the connection is then closed). */
  private static final class LimitedSink extends OutputStream {
    private long left;

    LimitedSink(long limit) {
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      left -= len;
      if (left < 0) throw new IOException("oversized body not drained further");
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413, "request body is larger than 1 MiB", Map.of("max_bytes", MAX_BYTES));
  }
}
