package nova.web.auth;

import java.util.function.Supplier;

/**
 * The X-Admin-Secret, known only by its SHA-256 hash (it has 256 random bits, so no slow hash is
 * needed).
 */
public final class AdminSecret {
  private final Supplier<String> hash;

  public AdminSecret(Supplier<String> hash) {
    this.hash = hash;
  }

  public boolean matches(String candidate) {
    return Secrets.same(Secrets.sha256(candidate), hash.get());
  }
}
