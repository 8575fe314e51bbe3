package nova.web.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin session: a cookie holding the user id, an expiry and a nonce, signed with HMAC-SHA256.
 * The CSRF token is derived from the nonce, so it needs no storage either.
 */
public final class SessionCookie {
  public static final String NAME = "nova_session";
  public static final Duration LIFETIME = Duration.ofHours(24);
  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;

  public SessionCookie(byte[] key) {
    this.key = key;
  }

  public record Session(UUID userId, Instant expires, String nonce) {}

  public String issue(UUID userId, Instant now) {
    String payload = userId + "|" + now.plus(LIFETIME).getEpochSecond() + "|" + Secrets.randomToken(16);
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
      return Optional.of(new Session(UUID.fromString(parts[0]), expires, parts[2]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  public String csrfToken(Session session) {
    return ENC.encodeToString(Secrets.hmac(key, "csrf|" + session.nonce()));
  }
}
