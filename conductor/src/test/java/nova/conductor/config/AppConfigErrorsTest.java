package nova.conductor.config;

import static nova.conductor.config.TomlFailures.assertFailsAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigErrorsTest {
  private static final String FILE = "app_config.toml";
  @TempDir Path dir;

  private ConfigException fails(String toml, int line, String... says) {
    return assertFailsAt(dir, FILE, toml, Configs::app, line, says);
  }

  @Test
  void malformedToml() {
    fails("[http]\nport = \n", 2, "malformed TOML", "Unexpected end of line");
  }

  @Test
  void duplicateKeyIsMalformed() {
    fails("[http]\nport = 1\nport = 2\n", 3, "port previously defined at line 2");
  }

  @Test
  void unknownTopLevelKey() {
    ConfigException e =
        fails(
            "[http]\nport = 1\n\n[metrics]\nport = 9\n",
            4,
            "unknown key 'metrics' at the top level; allowed: http, agents, mock_agents");
    assertThat(e.getMessage()).contains(FILE + ":4:1: ");
  }

  @Test
  void unknownNestedKeyNamesItsTableAndTheAllowedKeys() {
    fails(
        "[agents]\nheartbeat_interval_ms = 500\n  heartbeat_intervl_ms = 500\n",
        3,
        ":3:3: unknown key 'heartbeat_intervl_ms' in [agents]; allowed: socket_dir,"
            + " heartbeat_interval_ms,");
  }

  @Test
  void unknownKeyInDottedForm() {
    fails("http.hots = \"0.0.0.0\"\n", 1, "unknown key 'hots' in [http]; allowed: host, port");
  }

  @Test
  void wrongType() {
    fails(
        "[http]\nhost = \"::1\"\nport = \"8080\"\n",
        3,
        "'port' must be an integer, not a string (\"8080\")");
  }

  @Test
  void tableExpected() {
    fails("http = 8080\n", 1, "'http' must be a table [http], not an integer (8080)");
  }

  @Test
  void valueOutOfRange() {
    fails("[http]\nport = 70000\n", 2, "'port' must be between 0 and 65535, not 70000");
    fails("[mock_agents]\ntokens_per_second = 0\n", 2, "must be a number greater than 0");
    fails("[agents]\nmax_in_flight = 0\n", 2, "'max_in_flight' must be at least 1, not 0");
  }

  @Test
  void tooLongSocketDirNamesTheKeyAndTheLimit() {
    String longDir = "/tmp/" + "nova-".repeat(20);
    fails(
        "[agents]\nmax_in_flight = 8\nsocket_dir = \"" + longDir + "\"\n",
        3,
        "'socket_dir' resolves to",
        "at most 80 bytes");
  }

  @Test
  void heartbeatTimeoutMustOutlastTheInterval() {
    fails(
        "[agents]\nheartbeat_interval_ms = 2000\nheartbeat_timeout_ms = 2000\n",
        3,
        "heartbeat_timeout_ms (2000) must be greater than heartbeat_interval_ms (2000)");
    fails(
        "[agents]\nheartbeat_interval_ms = 9000\n",
        2,
        "heartbeat_timeout_ms (5000) must be greater than heartbeat_interval_ms (9000)");
  }

  @Test
  void backoffMaxBelowInitial() {
    fails(
        "[agents]\nrestart_backoff_initial_ms = 500\nrestart_backoff_max_ms = 100\n",
        3,
        "restart_backoff_max_ms (100) must be at least restart_backoff_initial_ms (500)");
  }
}
