package nova.conductor.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import nova.conductor.wire.FrameChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A mock inference agent as its own process: it listens on its engine's UNIX socket, serves the
 * conductor's one connection, and exits when that connection ends, when it has drained, or when
 * the conductor that started it is gone (an agent never outlives its conductor).
 */
@Command(name = "nova-mock-agent", mixinStandardHelpOptions = true, description = "A mock LPU inference agent: loads nothing, answers like a real one.")
public final class MockAgentMain implements Callable<Integer> {
  static {
    nova.conductor.Logging.configure(); // before the first logger
  }

  private static final Logger LOG = LoggerFactory.getLogger(MockAgentMain.class);

  @Option(names = "--socket", required = true, description = "the UNIX socket to listen on")
  Path socket;

  @Option(names = "--engine", required = true, description = "the inference engine this agent runs on, e.g. c1r1e0")
  String engine;

  @Option(names = "--first-token-ms", defaultValue = "50")
  long firstTokenMs;

  @Option(names = "--tokens-per-second", defaultValue = "200")
  double tokensPerSecond;

  @Option(names = "--load-ms", defaultValue = "0", description = "how long loading the model pretends to take")
  long loadMs;

  @Option(names = "--heartbeat-ms", defaultValue = "1000")
  long heartbeatMs;

  @Option(names = "--connect-timeout-ms", defaultValue = "30000", description = "exit if the conductor has not connected by then")
  long connectTimeoutMs;

  public static void main(String[] args) {
    System.exit(new CommandLine(new MockAgentMain()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    MockAgent agent = new MockAgent(engine, new MockModel(Duration.ofMillis(firstTokenMs), tokensPerSecond), Duration.ofMillis(loadMs),
        Duration.ofMillis(heartbeatMs));
    Files.deleteIfExists(socket); // a socket file left by a crashed predecessor on this engine
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread watchdog = Thread.ofVirtual().start(() -> {
        try {
          Thread.sleep(connectTimeoutMs);
        } catch (InterruptedException e) {
          return;
        }
        LOG.error("{}: no conductor connected to {} within {} ms; exiting", engine, socket, connectTimeoutMs);
        Runtime.getRuntime().halt(4);
      });
      try (SocketChannel connection = server.accept(); FrameChannel channel = new FrameChannel(connection)) {
        watchdog.interrupt();
        Files.deleteIfExists(socket); // one conductor, one connection: nobody else may attach
        boolean drained = agent.serve(channel);
        LOG.info("{}: {}", engine, drained ? "drained; exiting" : "the conductor closed the connection; exiting");
        return 0;
      }
    } finally {
      Files.deleteIfExists(socket);
    }
  }
}
