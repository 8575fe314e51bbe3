package nova.conductor.config;

import java.nio.file.Path;
import java.time.Duration;

/** The conductor's own settings: app_config.toml. */
public record AppConfig(Http http, Agents agents, MockAgents mock) {

  /** Where the OpenAI-compatible endpoint listens; port 0 takes any free port. */
  public record Http(String host, int port) {}

  /**
   * How the conductor talks to its agents. socketDir is absolute and short enough that every
   * engine's socket path fits a UNIX socket address.
   */
  public record Agents(
      Path socketDir,
      Duration heartbeatInterval,
      Duration heartbeatTimeout,
      Duration restartBackoffInitial,
      Duration restartBackoffMax,
      Duration setupTimeout,
      Duration drainTimeout,
      int maxInFlight) {

    /**
     * A UNIX socket address holds 108 bytes with its terminating NUL; this leaves room for a socket
     * name of {@link Datacenter.Engine#MAX_SOCKET_NAME_BYTES} after a '/'.
     */
    public static final int MAX_SOCKET_DIR_BYTES = 80;

    /** The socket an engine's agent listens on. */
    public Path socketOf(Datacenter.Engine engine) {
      return socketDir.resolve(engine.socket());
    }
  }

  /** How fast the mock agents pretend to be. */
  public record MockAgents(Duration firstToken, double tokensPerSecond, Duration loadTime) {}
}
