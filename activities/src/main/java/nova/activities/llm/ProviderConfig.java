package nova.activities.llm;

import java.net.URI;
import java.time.Duration;

/**
 * Where a provider is and how long to wait for it: to connect, for the first byte of an answer (a
 * model may think for a while), and between two pieces of a stream (a stalled stream fails over
 * instead of hanging).
 */
public record ProviderConfig(
    String name,
    ProviderKind kind,
    URI baseUrl,
    String apiKey,
    Duration connect,
    Duration firstByte,
    Duration idle) {
  public static final Duration CONNECT = Duration.ofSeconds(5);
  public static final Duration FIRST_BYTE = Duration.ofSeconds(120);
  public static final Duration IDLE = Duration.ofSeconds(30);

  public static ProviderConfig of(String name, ProviderKind kind, String baseUrl, String apiKey) {
    return new ProviderConfig(
        name,
        kind,
        URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"),
        apiKey,
        CONNECT,
        FIRST_BYTE,
        IDLE);
  }

  public ProviderConfig withTimeouts(Duration connect, Duration firstByte, Duration idle) {
    return new ProviderConfig(name, kind, baseUrl, apiKey, connect, firstByte, idle);
  }

  URI resolve(String path) {
    return baseUrl.resolve(path);
  }
}
