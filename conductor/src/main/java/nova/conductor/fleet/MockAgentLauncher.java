package nova.conductor.fleet;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nova.conductor.config.AppConfig;

/**
 * Starts mock agents: {@code nova-mock-agent}, a native program on the reference Cap'n Proto
 * library (conductor/src/main/cpp), one process per engine. It is native because a conductor starts
 * a whole deployment at once, and a JVM spends over 100 ms of CPU before it listens on a UNIX
 * socket.
 */
public final class MockAgentLauncher implements AgentLauncher {
  /**
   * Overrides where the binary is; by default it is beside the conductor's classes or jar, in
   * native/.
   */
  public static final String BINARY_PROPERTY = "nova.mock-agent";

  private final AppConfig.MockAgents mock;
  private final AppConfig.Agents agents;
  private final Path binary;
  private final ProcessBuilder.Redirect output;

  /** Agents log to {@code output}; throws if {@code binary} is not an executable file. */
  public MockAgentLauncher(
      AppConfig.MockAgents mock,
      AppConfig.Agents agents,
      Path binary,
      ProcessBuilder.Redirect output) {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "the mock agent "
              + binary
              + " is missing or not executable; `mvn -pl conductor package` builds it (it needs g++"
              + " and Debian's libcapnp-dev, which bin/nova installs), or set -D"
              + BINARY_PROPERTY);
    }
    this.mock = mock;
    this.agents = agents;
    this.binary = binary;
    this.output = output;
  }

  /**
   * The binary from {@link #BINARY_PROPERTY}, or native/nova-mock-agent beside the conductor's own
   * classes or jar.
   */
  public static Path defaultBinary() {
    String configured = System.getProperty(BINARY_PROPERTY);
    if (configured != null) return Path.of(configured);
    try {
      Path code =
          Path.of(
              MockAgentLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.toAbsolutePath().getParent().resolve("native").resolve("nova-mock-agent");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(
          "cannot tell where the conductor's classes are; set -D" + BINARY_PROPERTY, e);
    }
  }

  @Override
  public Process launch(AgentSpec spec) throws IOException {
    List<String> command =
        List.of(
            binary.toString(),
            "--socket",
            spec.socket().toString(),
            "--engine",
            spec.node(),
            "--first-token-ms",
            Long.toString(mock.firstToken().toMillis()),
            "--tokens-per-second",
            Double.toString(mock.tokensPerSecond()),
            "--load-ms",
            Long.toString(mock.loadTime().toMillis()),
            "--heartbeat-ms",
            Long.toString(agents.heartbeatInterval().toMillis()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
  }
}
