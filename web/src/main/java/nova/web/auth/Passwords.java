package nova.web.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes in PHC string form, with OWASP's minimum parameters (19 MiB, 2 passes),
 * computed on the bounded {@link HashingPool}.
 */
public final class Passwords {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  public static final int MIN_LENGTH = 10;

  private Passwords() {}

  public static String hash(String password) {
    return HashingPool.SHARED.run(
        () -> Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult());
  }

  public static boolean matches(String password, String hash) {
    return hash != null
        && HashingPool.SHARED.run(
            () -> Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash)));
  }
}
