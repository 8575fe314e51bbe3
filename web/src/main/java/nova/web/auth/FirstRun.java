package nova.web.auth;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nova.web.NovaConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what a new installation lacks: the first admin, the admin secret and the session key.
 * Generated secrets are shown once (in the credentials file bin/nova prints, or the log) and kept
 * only as hashes.
 */
public final class FirstRun implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(FirstRun.class);
  private static final String SESSION_KEY = "session_key";
  private static final String ADMIN_SECRET_HASH = "admin_secret_sha256";
  private final Jdbi jdbi;
  private final NovaConfiguration.Auth config;
  private final List<String> shownOnce = new ArrayList<>();
  private volatile byte[] sessionKey;
  private volatile String adminSecretHash;

  public FirstRun(Jdbi jdbi, NovaConfiguration.Auth config) {
    this.jdbi = jdbi;
    this.config = config;
  }

  /** Sessions signed with this installation's key, which {@link #start()} reads or makes. */
  public SessionCookie sessionCookie() {
    return new SessionCookie(
        () -> started(sessionKey),
        jdbi,
        config.sessionIdle.toJavaDuration(),
        config.sessionLifetime.toJavaDuration());
  }

  /** The X-Admin-Secret, whose hash {@link #start()} reads, sets from nova.yml or makes. */
  public AdminSecret adminSecret() {
    return new AdminSecret(() -> started(adminSecretHash));
  }

  /** Writes what a new installation lacks, then shows generated secrets once. */
  @Override
  public void start() throws IOException {
    String key = jdbi.onDemand(SettingsDao.class).putIfAbsent(SESSION_KEY, Secrets.randomToken(32));
    sessionKey = Base64.getUrlDecoder().decode(key);
    ensureAdmin();
    adminSecretHash = adminSecretHash();
    reveal();
  }

  private static <T> T started(T value) {
    if (value == null) throw new IllegalStateException("the server has not started yet");
    return value;
  }

  private String adminSecretHash() {
    SettingsDao settings = jdbi.onDemand(SettingsDao.class);
    if (!config.adminSecret.isBlank()) {
      settings.put(ADMIN_SECRET_HASH, Secrets.sha256(config.adminSecret));
      return Secrets.sha256(config.adminSecret);
    }
    String generated = Secrets.randomToken(32);
    String hash = settings.putIfAbsent(ADMIN_SECRET_HASH, Secrets.sha256(generated));
    if (hash.equals(Secrets.sha256(generated)))
      shownOnce.add("admin API secret (X-Admin-Secret): " + generated);
    return hash;
  }

  private void ensureAdmin() {
    AdminUserDao users = jdbi.onDemand(AdminUserDao.class);
    if (users.count() > 0) return;
    if (!config.adminPassword.isBlank() && config.adminPassword.length() < Passwords.MIN_LENGTH) {
      throw new IllegalArgumentException(
          "NOVA_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH + " characters");
    }
    String password =
        config.adminPassword.isBlank() ? Secrets.randomToken(15) : config.adminPassword;
    if (users.insert(UUID.randomUUID(), "admin", Passwords.hash(password), Role.ADMIN.wireName())
            == 1
        && config.adminPassword.isBlank()) {
      shownOnce.add("log in as admin with password: " + password);
    }
  }

  /** bin/nova prints and deletes the file. */
  private void reveal() throws IOException {
    if (shownOnce.isEmpty()) return;
    if (config.credentialsFile.isBlank()) {
      shownOnce.forEach(line -> LOG.warn("first run: {}", line));
      return;
    }
    Path file = Path.of(config.credentialsFile);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, shownOnce);
  }
}
