package nova.web.auth;

import java.util.UUID;

/** Makes new keys: {@code sk-nova-} and 256 random bits; only the hash is kept. */
public final class ApiKeys {
  public static final String PREFIX = "sk-nova-";

  private ApiKeys() {}

  public record NewKey(UUID id, String secret, String prefix, String hash) {}

  public static NewKey generate() {
    String secret = PREFIX + Secrets.randomToken(32);
    return new NewKey(
        UUID.randomUUID(),
        secret,
        secret.substring(0, PREFIX.length() + 6),
        Secrets.sha256(secret));
  }
}
