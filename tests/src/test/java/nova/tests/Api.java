package nova.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A small HTTP client for the tests: JSON in, status and JSON out, credentials as headers. */
public final class Api {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final List<String> headers;

  private Api(String base, List<String> headers) {
    this.base = base;
    this.headers = headers;
  }

  public static Api anonymous() {
    return new Api(NovaServer.baseUrl(), List.of());
  }

  public static Api admin() {
    return anonymous().with("X-Admin-Secret", NovaServer.ADMIN_SECRET);
  }

  /** Any HTTP server of the test run, without credentials. */
  public static Api at(String baseUrl) {
    return new Api(baseUrl, List.of());
  }

  /** The admin of another Nova server of the test run (same database, same admin secret). */
  public static Api admin(String baseUrl) {
    return at(baseUrl).with("X-Admin-Secret", NovaServer.ADMIN_SECRET);
  }

  public static Api key(String key) {
    return anonymous().with("Authorization", "Bearer " + key);
  }

  public Api with(String header, String value) {
    List<String> more = new ArrayList<>(headers);
    more.add(header);
    more.add(value);
    return new Api(base, more);
  }

  public record Reply(int status, JsonNode json, String body, HttpHeaders headers) {
    public String text(String field) {
      return json.path(field).asText();
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply post(String path, Object body) {
    try {
      return post(path, JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** PATCH, PUT or any method with a JSON body. */
  public Reply send(String method, String path, Object body) {
    try {
      return send(
          request(path)
              .header("Content-Type", "application/json")
              .method(
                  method,
                  HttpRequest.BodyPublishers.ofString(
                      body instanceof String text ? text : JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode json =
          body.isBlank() || !body.trim().matches("(?s)^[\\[{].*")
              ? JSON.nullNode()
              : JSON.readTree(body);
      return new Reply(response.statusCode(), json, body, response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (!headers.isEmpty()) builder.headers(headers.toArray(String[]::new));
    return builder;
  }
}
