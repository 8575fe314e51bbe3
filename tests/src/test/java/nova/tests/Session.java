package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person logged in to the admin app: the session cookie and the page's CSRF token, as a browser
 * holds them.
 */
public record Session(String cookie, String csrf) {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public static Session login(String username, String password) throws Exception {
    HttpResponse<String> loggedIn = attempt(username, password);
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(303);
    return of(sessionCookie(loggedIn));
  }

  /** The session cookie a response set, as a browser would keep it. */
  public static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("nova_session="))
        .findFirst()
        .orElseThrow()
        .split(";")[0];
  }

  /** A browser holding this session cookie, with the CSRF token its pages carry. */
  public static Session of(String cookie) throws Exception {
    String base = NovaServer.baseUrl();
    HttpResponse<String> board =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
    String csrf =
        match(board.body(), "X-CSRF-Token&#34;: &#34;([^&]+)&#34;|X-CSRF-Token\": \"([^\"]+)\"");
    return new Session(cookie, csrf);
  }

  /** Fills in and sends the login form, as a browser would, and answers what the server said. */
  public static HttpResponse<String> attempt(String username, String password) throws Exception {
    return attempt(NovaServer.baseUrl(), username, password);
  }

  /** The same, on any Nova server of the run. */
  public static HttpResponse<String> attempt(String base, String username, String password)
      throws Exception {
    HttpResponse<String> form =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    String loginCsrf = match(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    String body =
        "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(loginCsrf);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Cookie", loginCookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form from a page as htmx does, keeping the response's headers. */
  public HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(NovaServer.baseUrl() + path))
            .header("Cookie", cookie)
            .header("X-CSRF-Token", csrf)
            .header("HX-Request", "true")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Whether this session still opens the board (a void session is sent to the login page). */
  public boolean valid() throws Exception {
    return HTTP.send(
                HttpRequest.newBuilder(URI.create(NovaServer.baseUrl() + "/"))
                    .header("Cookie", cookie)
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode()
        == 200;
  }

  public Api api() {
    return Api.anonymous().with("Cookie", cookie);
  }

  /** A form post from the page, as htmx sends it: CSRF token in the header. */
  public Api.Reply form(String path, String body, boolean withCsrf) {
    Api api = withCsrf ? api().with("X-CSRF-Token", csrf) : api();
    return api.send(
        api.request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String match(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find())
        .as("%s in %s", regex, text.length() > 400 ? text.substring(0, 400) : text)
        .isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
