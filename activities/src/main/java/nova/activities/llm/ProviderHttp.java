package nova.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * HTTP to one provider: JSON out, and either a JSON answer or a stream of lines back. A non-2xx
 * answer, a timeout or a lost connection becomes a {@link ProviderFailure} that says which.
 */
final class ProviderHttp {
  // Another program's wire format (a provider's, the conductor's), not Nova's stored or API
  // JSON: a plain mapper, so that no setting of Nova's own can change what is sent or read.
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int ERROR_BODY_LIMIT = 64 * 1024;
  private final ProviderConfig config;
  private final HttpClient client;
  private final Function<JsonNode, String> errorMessage;

  /** {@code errorMessage} finds the provider's own explanation in its error body. */
  ProviderHttp(ProviderConfig config, Function<JsonNode, String> errorMessage) {
    this.config = config;
    this.errorMessage = errorMessage;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  JsonNode postForJson(String path, JsonNode body, String... headers) {
    try (InputStream in = post(path, body, headers)) {
      return JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new ProviderFailure(
          ProviderFailure.Kind.SERVER_ERROR,
          0,
          config.name() + " sent an answer that is not JSON (" + e.getOriginalMessage() + ")",
          null,
          e);
    } catch (IOException e) {
      throw failure(e, "reading the answer");
    }
  }

  /** The answer's lines as they arrive; the caller closes them. */
  LineStream postForLines(String path, JsonNode body, String... headers) {
    return new LineStream(post(path, body, headers), config.idle(), config.name());
  }

  private InputStream post(String path, JsonNode body, String... headers) {
    URI uri = config.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(config.firstByte())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    if (headers.length > 0) request.headers(headers);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw failure(e, "calling " + uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure(
          ProviderFailure.Kind.CONNECTION, 0, config.name() + ": interrupted", null, e);
    }
    if (response.statusCode() / 100 == 2) return response.body();
    throw refusal(response);
  }

  private ProviderFailure refusal(HttpResponse<InputStream> response) {
    String text;
    try (InputStream in = response.body()) {
      text = new String(in.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    String message = text.isBlank() ? "no explanation given" : text.strip();
    try {
      String found = errorMessage.apply(JSON.readTree(text));
      if (found != null && !found.isBlank()) message = found;
    } catch (IOException | RuntimeException notJson) {
      // a proxy's HTML page or plain text: the text itself is the best explanation there is
    }
    return ProviderFailure.ofStatus(
        config.name(),
        response.statusCode(),
        message,
        RetryAfter.of(response.headers()).orElse(null));
  }

  private ProviderFailure failure(IOException e, String doing) {
    boolean timeout = e instanceof HttpTimeoutException;
    return new ProviderFailure(
        timeout ? ProviderFailure.Kind.TIMEOUT : ProviderFailure.Kind.CONNECTION,
        0,
        config.name()
            + ": "
            + (timeout ? "timed out " : "connection failed ")
            + doing
            + " ("
            + e
            + ")",
        null,
        e);
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not serialisable", e);
    }
  }
}
