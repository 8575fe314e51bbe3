package nova.conductor.fleet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nova.conductor.agent.MockAgentMain;
import nova.conductor.config.AppConfig;

/**
 * Starts mock agents as JVMs on the conductor's own classpath, tuned to start fast: client
 * compiler only, serial GC, a small heap, and a class-data archive shared by all agents (made by
 * the first one, then mapped by the rest).
 */
public final class MockAgentLauncher implements AgentLauncher {
  private final AppConfig.MockAgents mock;
  private final AppConfig.Agents agents;
  private final Path archive;
  private final String classpath;
  private final ProcessBuilder.Redirect output;

  /** The classpath is the conductor's own ({@code java.class.path}) when it runs from its jar; agents log to {@code output}. */
  public MockAgentLauncher(AppConfig.MockAgents mock, AppConfig.Agents agents, Path archive, String classpath, ProcessBuilder.Redirect output) {
    this.mock = mock;
    this.agents = agents;
    this.archive = archive;
    this.classpath = classpath;
    this.output = output;
  }

  @Override
  public Process launch(AgentSpec spec) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx64m",
        "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-Dnova.agent=" + spec.node(), "-cp", classpath, MockAgentMain.class.getName(),
        "--socket", spec.socket().toString(), "--engine", spec.node(),
        "--first-token-ms", Long.toString(mock.firstToken().toMillis()), "--tokens-per-second", Double.toString(mock.tokensPerSecond()),
        "--load-ms", Long.toString(mock.loadTime().toMillis()), "--heartbeat-ms", Long.toString(agents.heartbeatInterval().toMillis())));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
  }
}
