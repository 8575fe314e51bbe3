package nova.conductor.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads app_config.toml. Every key has its default here, so an empty file is a valid one. */
final class AppConfigReader {
  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 51055;
  static final Path DEFAULT_SOCKET_DIR =
      Path.of(System.getProperty("java.io.tmpdir"), "nova-conductor").toAbsolutePath();
  static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
  static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration DEFAULT_RESTART_BACKOFF_INITIAL = Duration.ofMillis(200);
  static final Duration DEFAULT_RESTART_BACKOFF_MAX = Duration.ofSeconds(10);
  static final Duration DEFAULT_SETUP_TIMEOUT = Duration.ofSeconds(60);
  static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  static final int DEFAULT_MAX_IN_FLIGHT = 64;
  static final Duration DEFAULT_FIRST_TOKEN = Duration.ofMillis(20);
  static final double DEFAULT_TOKENS_PER_SECOND = 500;
  static final Duration DEFAULT_LOAD_TIME = Duration.ofMillis(200);

  private AppConfigReader() {}

  static AppConfig read(Path file) throws ConfigException {
    TomlSection root = TomlDocument.read(file);
    root.allowOnly("http", "agents", "mock_agents");
    Path base = file.toAbsolutePath().getParent();
    return new AppConfig(
        http(root.table("http").orElse(null)),
        agents(root.table("agents").orElse(null), base, root),
        mock(root.table("mock_agents").orElse(null)));
  }

  private static AppConfig.Http http(TomlSection http) throws ConfigException {
    if (http == null) return new AppConfig.Http(DEFAULT_HOST, DEFAULT_PORT);
    http.allowOnly("host", "port");
    return new AppConfig.Http(
        http.optionalString("host").orElse(DEFAULT_HOST),
        (int) http.integer("port", DEFAULT_PORT, 0, 65535));
  }

  private static AppConfig.Agents agents(TomlSection agents, Path base, TomlSection root)
      throws ConfigException {
    if (agents == null) {
      return new AppConfig.Agents(
          checkedDefaultSocketDir(root),
          DEFAULT_HEARTBEAT_INTERVAL,
          DEFAULT_HEARTBEAT_TIMEOUT,
          DEFAULT_RESTART_BACKOFF_INITIAL,
          DEFAULT_RESTART_BACKOFF_MAX,
          DEFAULT_SETUP_TIMEOUT,
          DEFAULT_DRAIN_TIMEOUT,
          DEFAULT_MAX_IN_FLIGHT);
    }
    agents.allowOnly(
        "socket_dir",
        "heartbeat_interval_ms",
        "heartbeat_timeout_ms",
        "restart_backoff_initial_ms",
        "restart_backoff_max_ms",
        "setup_timeout_ms",
        "drain_timeout_ms",
        "max_in_flight");
    Path socketDir =
        agents.has("socket_dir") ? socketDir(agents, base) : checkedDefaultSocketDir(agents);
    Duration interval = agents.millis("heartbeat_interval_ms", DEFAULT_HEARTBEAT_INTERVAL, 1);
    Duration timeout = agents.millis("heartbeat_timeout_ms", DEFAULT_HEARTBEAT_TIMEOUT, 1);
    if (timeout.compareTo(interval) <= 0) {
      throw agents.error(
          agents.has("heartbeat_timeout_ms") ? "heartbeat_timeout_ms" : "heartbeat_interval_ms",
          "heartbeat_timeout_ms ("
              + timeout.toMillis()
              + ") must be greater than heartbeat_interval_ms ("
              + interval.toMillis()
              + "), or every agent would be declared dead between two heartbeats");
    }
    Duration initial =
        agents.millis("restart_backoff_initial_ms", DEFAULT_RESTART_BACKOFF_INITIAL, 1);
    Duration max = agents.millis("restart_backoff_max_ms", DEFAULT_RESTART_BACKOFF_MAX, 1);
    if (max.compareTo(initial) < 0) {
      throw agents.error(
          agents.has("restart_backoff_max_ms")
              ? "restart_backoff_max_ms"
              : "restart_backoff_initial_ms",
          "restart_backoff_max_ms ("
              + max.toMillis()
              + ") must be at least restart_backoff_initial_ms ("
              + initial.toMillis()
              + ")");
    }
    return new AppConfig.Agents(
        socketDir,
        interval,
        timeout,
        initial,
        max,
        agents.millis("setup_timeout_ms", DEFAULT_SETUP_TIMEOUT, 1),
        agents.millis("drain_timeout_ms", DEFAULT_DRAIN_TIMEOUT, 0),
        (int) agents.integer("max_in_flight", DEFAULT_MAX_IN_FLIGHT, 1, Integer.MAX_VALUE));
  }

  private static Path socketDir(TomlSection agents, Path base) throws ConfigException {
    String text = agents.string("socket_dir");
    Path dir;
    try {
      dir = base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw agents.error("socket_dir", "'socket_dir' is not a valid path: " + e.getReason());
    }
    int bytes = dir.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > AppConfig.Agents.MAX_SOCKET_DIR_BYTES) {
      throw agents.error(
          "socket_dir",
          "'socket_dir' resolves to "
              + dir
              + ", "
              + bytes
              + " bytes; it must be at most "
              + AppConfig.Agents.MAX_SOCKET_DIR_BYTES
              + " bytes, as a UNIX socket path holds only 107");
    }
    return dir;
  }

  /** Even the default can be too long, when java.io.tmpdir is. */
  private static Path checkedDefaultSocketDir(TomlSection at) throws ConfigException {
    int bytes = DEFAULT_SOCKET_DIR.toString().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > AppConfig.Agents.MAX_SOCKET_DIR_BYTES) {
      throw at.here(
          "the default socket_dir "
              + DEFAULT_SOCKET_DIR
              + " is "
              + bytes
              + " bytes, longer than "
              + AppConfig.Agents.MAX_SOCKET_DIR_BYTES
              + "; set a shorter socket_dir in [agents]");
    }
    return DEFAULT_SOCKET_DIR;
  }

  private static AppConfig.MockAgents mock(TomlSection mock) throws ConfigException {
    if (mock == null) {
      return new AppConfig.MockAgents(
          DEFAULT_FIRST_TOKEN, DEFAULT_TOKENS_PER_SECOND, DEFAULT_LOAD_TIME);
    }
    mock.allowOnly("first_token_ms", "tokens_per_second", "load_time_ms");
    return new AppConfig.MockAgents(
        mock.millis("first_token_ms", DEFAULT_FIRST_TOKEN, 0),
        mock.positive("tokens_per_second", DEFAULT_TOKENS_PER_SECOND),
        mock.millis("load_time_ms", DEFAULT_LOAD_TIME, 0));
  }
}
