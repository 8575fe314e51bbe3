package nova.web.auth;

import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin session: a cookie holding the user id, an expiry, a nonce and when it was issued,
 * signed with HMAC-SHA256. The CSRF token is derived from the nonce, so it needs no storage
 * either; the issue time lets a user void every session issued before a moment.
 */
public final class SessionCookie {
  public static final String NAME = "nova_session";
  public static final Duration LIFETIME = Duration.ofHours(24);
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;

  public SessionCookie(byte[] key) {
    this.key = key;
  }

  public record Session(UUID userId, Instant expires, String nonce, Instant issued) {}

  public String issue(UUID userId, Instant now) {
    String payload = userId + "|" + now.plus(LIFETIME).getEpochSecond() + "|" + Secrets.randomToken(16) + "|" + now.toEpochMilli();
    String body = ENC.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    return body + "." + ENC.encodeToString(Secrets.hmac(key, body));
  }

  public Optional<Session> read(String cookie, Instant now) {
    if (cookie == null) return Optional.empty();
    int dot = cookie.indexOf('.');
    if (dot < 0) return Optional.empty();
    String body = cookie.substring(0, dot);
    if (!Secrets.same(cookie.substring(dot + 1), ENC.encodeToString(Secrets.hmac(key, body)))) return Optional.empty();
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\\|");
      Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
      if (!expires.isAfter(now)) return Optional.empty();
      // Cookies from before the issue time was added count as issued a full lifetime before expiry.
      Instant issued = parts.length > 3 ? Instant.ofEpochMilli(Long.parseLong(parts[3])) : expires.minus(LIFETIME);
      return Optional.of(new Session(UUID.fromString(parts[0]), expires, parts[2], issued));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** How the app's cookies go out: HttpOnly, SameSite=Lax, for the whole site. */
  public static NewCookie httpCookie(String name, String value, int maxAge, boolean secure) {
    return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
        .sameSite(NewCookie.SameSite.LAX).build();
  }

  public NewCookie issueCookie(UUID userId, Instant now, boolean secure) {
    return httpCookie(NAME, issue(userId, now), (int) LIFETIME.toSeconds(), secure);
  }

  public String csrfToken(Session session) {
    return ENC.encodeToString(Secrets.hmac(key, "csrf|" + session.nonce()));
  }
}
