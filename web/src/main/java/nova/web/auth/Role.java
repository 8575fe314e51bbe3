package nova.web.auth;

import java.util.Locale;

/**
 * admin acts; viewer sees everything and acts on nothing; agent acts only on its own server's
 * tasks.
 */
public enum Role {
  ADMIN,
  VIEWER,
  AGENT;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromWire(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
