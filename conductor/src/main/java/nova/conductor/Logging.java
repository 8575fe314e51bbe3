package nova.conductor;

/**
 * Points logback at the conductor's own configuration before the first logger exists. The jar
 * carries it under its own name, not logback.xml, so it never takes over the logging of a process
 * that merely has the conductor on its classpath (Nova's tests).
 */
public final class Logging {
  private Logging() {}

  public static void configure() {
    if (System.getProperty("logback.configurationFile") == null)
      System.setProperty("logback.configurationFile", "nova-conductor-logback.xml");
  }
}
