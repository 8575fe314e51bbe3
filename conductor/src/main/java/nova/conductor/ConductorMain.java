package nova.conductor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nova.conductor.config.Allocation;
import nova.conductor.config.Allocations;
import nova.conductor.config.AppConfig;
import nova.conductor.config.ConfigException;
import nova.conductor.config.Configs;
import nova.conductor.config.Datacenter;
import nova.conductor.config.ModelConfig;
import nova.conductor.fleet.AgentLauncher;
import nova.conductor.fleet.Fleet;
import nova.conductor.fleet.FleetException;
import nova.conductor.fleet.MockAgentLauncher;
import nova.conductor.http.HttpFront;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The conductor's command line, as Groq's conductor has it: every file and the allocation are
 * checked before anything starts, and if an agent cannot get ready the conductor stops what it
 * started and exits, rather than serving half a deployment.
 */
@Command(
    name = "nova conductor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Spawns an inference agent per allocated engine and serves them over an OpenAI-compatible"
            + " HTTP endpoint.")
public final class ConductorMain implements Callable<Integer> {
  static {
    Logging.configure(); // before the first logger
  }

  private static final Logger LOG = LoggerFactory.getLogger(ConductorMain.class);

  @Option(
      names = {"-c", "--config-filepath"},
      required = true,
      description = "application config (app_config.toml)")
  Path appFile;

  @Option(
      names = {"-d", "--datacenter-filepath"},
      required = true,
      description = "datacenter topology (datacenter.toml)")
  Path datacenterFile;

  @Option(
      names = {"-m", "--model-config-filepath"},
      required = true,
      description = "model config (*_model_config.toml)")
  Path modelFile;

  @Option(
      names = "--allocation",
      required = true,
      description = "engines per role: groups split by ':', nodes by ',', e.g. c1r1:c2r2,c2r3")
  String allocation;

  @Option(
      names = "--instance-model-name",
      required = true,
      description = "the model name clients ask for")
  String instance;

  @Option(names = "--mock-agents", description = "run mock agents, which load nothing")
  boolean mock;

  @Option(
      names = "--http-port",
      description = "overrides app_config.toml's [http] port (0 picks a free one)")
  Integer httpPort;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ConductorMain());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          line.getErr().println("nova conductor: " + e.getMessage());
          return 2;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = new CommandLine(this).getErr();
    AppConfig app;
    Datacenter datacenter;
    ModelConfig model;
    Allocation parsed;
    try {
      app = Configs.app(appFile);
      datacenter = Configs.datacenter(datacenterFile);
      model = Configs.model(modelFile);
      parsed = Allocations.parse(allocation, datacenter, model);
    } catch (ConfigException e) {
      err.println("nova conductor: " + e.getMessage());
      return 2;
    }
    if (!mock) {
      err.println(
          "nova conductor: real LPU agents need Groq's agent binary, which this build does not"
              + " ship; run with --mock-agents");
      return 2;
    }
    // Each conductor gets its own directory of sockets, so two conductors on one machine never
    // meet.
    Path socketDir = app.agents().socketDir().resolve(Long.toString(ProcessHandle.current().pid()));
    for (var engine : parsed.engines()) {
      Path socket = socketDir.resolve(engine.socket());
      if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 107) {
        err.println(
            "nova conductor: the socket path "
                + socket
                + " is over 107 bytes, the limit of a UNIX socket; set a shorter [agents]"
                + " socket_dir in "
                + appFile);
        return 2;
      }
    }
    AgentLauncher launcher;
    try {
      launcher =
          new MockAgentLauncher(
              app.mock(),
              app.agents(),
              MockAgentLauncher.defaultBinary(),
              ProcessBuilder.Redirect.INHERIT);
    } catch (IllegalStateException e) {
      err.println("nova conductor: " + e.getMessage());
      return 2;
    }
    Files.createDirectories(socketDir);
    Conductor conductor =
        new Conductor(
            datacenter,
            modelFile.toAbsolutePath().getParent(),
            new Fleet(launcher, app.agents(), socketDir));
    long started = System.nanoTime();
    try {
      conductor.deploy(new Deployment(modelFile.getFileName().toString(), model, parsed, instance));
    } catch (FleetException e) {
      conductor.close();
      err.println(
          "nova conductor: the deployment did not start, so nothing is left running: "
              + e.getMessage());
      return 1;
    }
    // from the environment, not an option: a command line is visible to every local user
    HttpFront http =
        HttpFront.start(
            conductor,
            app.http().host(),
            httpPort != null ? httpPort : app.http().port(),
            System.getenv("NOVA_CONDUCTOR_ADMIN_TOKEN"));
    LOG.info(
        "serving {} ({}) on {} with {} agent(s), ready in {} ms; OpenAI endpoint {}/openai/v1",
        instance,
        model.kind().wire(),
        allocation,
        conductor.fleet().agents().size(),
        (System.nanoTime() - started) / 1_000_000,
        http.baseUrl());
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  http.close();
                  conductor.close();
                  deleteQuietly(socketDir);
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.debug("leaving {}: {}", dir, e.toString());
    }
  }
}
