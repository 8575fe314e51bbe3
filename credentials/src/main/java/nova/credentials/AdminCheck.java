package nova.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Whether a credential belongs to an admin of this Nova installation, read from Nova's PostgreSQL
 * tables as docs/credentials.md describes them. It needs nothing but the JDK and a JDBC connection,
 * so a process that must not depend on the Nova server (the recovery service) checks admins exactly
 * as the server does. It only reads: it neither touches a session nor logs a refusal.
 */
public final class AdminCheck {
  /** The settings row holding the X-Admin-Secret's SHA-256, in lower-case hex. */
  public static final String ADMIN_SECRET_SETTING = "admin_secret_sha256";

  /** The admin app's session cookie. */
  public static final String SESSION_COOKIE = "nova_session";

  private final Duration sessionIdle;

  /** {@code sessionIdle}: nova.yml's auth.sessionIdle (8 h unless set). */
  public AdminCheck(Duration sessionIdle) {
    this.sessionIdle = sessionIdle;
  }

  /** Who an accepted admin is, as Nova's task events and audit log name them. */
  public record Admin(String actor) {}

  /** The X-Admin-Secret header's value. */
  public Optional<Admin> adminSecret(Connection db, String secret) throws SQLException {
    if (secret == null) return Optional.empty();
    try (PreparedStatement q = db.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
      q.setString(1, ADMIN_SECRET_SETTING);
      try (ResultSet row = q.executeQuery()) {
        return row.next() && same(sha256(secret), row.getString(1))
            ? Optional.of(new Admin("admin-secret"))
            : Optional.empty();
      }
    }
  }

  /** An API key (X-API-Key, or Authorization: Bearer): an active key with the admin role. */
  public Optional<Admin> apiKey(Connection db, String key) throws SQLException {
    if (key == null) return Optional.empty();
    try (PreparedStatement q =
        db.prepareStatement(
            "SELECT name FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL"
                + " AND role = 'admin'")) {
      q.setString(1, sha256(key.trim()));
      try (ResultSet row = q.executeQuery()) {
        return row.next() ? Optional.of(new Admin("key:" + row.getString(1))) : Optional.empty();
      }
    }
  }

  /**
   * The session cookie's token: an open session (not revoked, not expired, not idle longer than
   * sessionIdle, not older than its person's last "log out everywhere") of a person with the admin
   * role.
   */
  public Optional<Admin> session(Connection db, String token, Instant now) throws SQLException {
    if (token == null || token.isBlank()) return Optional.empty();
    try (PreparedStatement q =
        db.prepareStatement(
            """
            SELECT u.username FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id
            WHERE s.id = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ?
              AND u.role = 'admin'
              AND (u.sessions_revoked_at IS NULL OR s.created_at >= u.sessions_revoked_at)\
            """)) {
      q.setString(1, sha256(token));
      q.setTimestamp(2, Timestamp.from(now));
      q.setTimestamp(3, Timestamp.from(now.minus(sessionIdle)));
      try (ResultSet row = q.executeQuery()) {
        return row.next() ? Optional.of(new Admin("admin:" + row.getString(1))) : Optional.empty();
      }
    }
  }

  /** SHA-256 in lower-case hex: how Nova keeps every token, key and secret it can check. */
  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Equal strings, compared in constant time so a guess learns nothing from the timing. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
