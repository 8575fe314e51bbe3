package nova.conductor.fleet;

import java.io.IOException;

/** Starts the agent process for one engine; the agent then listens on the spec's socket. */
public interface AgentLauncher {
  Process launch(AgentSpec spec) throws IOException;
}
