package nova.web.auth;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin session: the cookie holds a random token; the server keeps a row under the token's
 * hash, so a session ends for good when its person logs out, changes their password or logs out
 * everywhere, after an idle time (default 8 h) and at its lifetime's end (default 24 h). The CSRF
 * token is derived from the session's id with a server key, so it needs no storage of its own.
 */
public final class SessionCookie {
  public static final String NAME = "nova_session";

  /** A session's last-seen time is written at most this often, not on every request. */
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private final Supplier<byte[]> key;
  private final Jdbi jdbi;
  private final Duration idle;
  private final Duration lifetime;
  private final List<Consumer<Collection<String>>> onEnd = new CopyOnWriteArrayList<>();

  public SessionCookie(Supplier<byte[]> key, Jdbi jdbi, Duration idle, Duration lifetime) {
    this.key = key;
    this.jdbi = jdbi;
    this.idle = idle;
    this.lifetime = lifetime;
  }

  /** An open session: its id (the token's hash), its person, and when it began. */
  public record Session(String id, UUID userId, Instant created) {}

  /**
   * Hears the ids of sessions that were ended here, to close what they hold open (event streams).
   */
  public void onEnd(Consumer<Collection<String>> listener) {
    onEnd.add(listener);
  }

  public NewCookie issueCookie(
      UUID userId, Instant now, boolean secure, String address, String userAgent) {
    String token = Secrets.randomToken(32);
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    jdbi.useExtension(
        SessionDao.class,
        dao ->
            dao.insert(
                Secrets.sha256(token), userId, at, at.plus(lifetime), address, clip(userAgent)));
    return httpCookie(NAME, token, (int) lifetime.toSeconds(), secure);
  }

  public Optional<Session> read(String token, Instant now) {
    if (token == null || token.isBlank()) return Optional.empty();
    String id = Secrets.sha256(token);
    return jdbi.withExtension(
        SessionDao.class,
        dao ->
            dao.byId(id)
                .filter(row -> open(row, now))
                .map(
                    row -> {
                      if (row.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))) dao.touch(id, now);
                      return new Session(id, row.userId(), row.createdAt());
                    }));
  }

  private boolean open(SessionDao.Row row, Instant now) {
    return row.revokedAt() == null
        && row.expiresAt().isAfter(now)
        && row.lastSeenAt().plus(idle).isAfter(now);
  }

  /** Ends one session (logout). */
  public void end(String token, Instant now) {
    if (token == null || token.isBlank()) return;
    String id = Secrets.sha256(token);
    if (jdbi.withExtension(SessionDao.class, dao -> dao.revoke(id, now)) > 0) ended(List.of(id));
  }

  /** Ends every session of a person (password changed, log out everywhere, removed). */
  public void endAll(UUID userId, Instant now) {
    ended(jdbi.withExtension(SessionDao.class, dao -> dao.revokeAll(userId, now)));
  }

  /** Tells the listeners that these sessions ended (their rows may be gone already). */
  public void ended(Collection<String> ids) {
    if (!ids.isEmpty()) onEnd.forEach(listener -> listener.accept(ids));
  }

  /** Of these session ids, the ones still open now. */
  public Set<String> stillOpen(Collection<String> ids, Instant now) {
    if (ids.isEmpty()) return Set.of();
    return new HashSet<>(
        jdbi.withExtension(
            SessionDao.class, dao -> dao.open(ids.toArray(String[]::new), now, now.minus(idle))));
  }

  /** Drops sessions that ended more than a day ago. */
  public int forgetOld(Instant now) {
    return jdbi.withExtension(
        SessionDao.class,
        dao ->
            dao.forgetOld(
                now.minus(Duration.ofDays(1)), now.minus(idle).minus(Duration.ofDays(1))));
  }

  public String csrfToken(Session session) {
    return ENC.encodeToString(Secrets.hmac(key.get(), "csrf|" + session.id()));
  }

  /** How the app's cookies go out: HttpOnly, SameSite=Lax, for the whole site. */
  public static NewCookie httpCookie(String name, String value, int maxAge, boolean secure) {
    return new NewCookie.Builder(name)
        .value(value)
        .path("/")
        .maxAge(maxAge)
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX)
        .build();
  }

  private static String clip(String userAgent) {
    return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
  }
}
