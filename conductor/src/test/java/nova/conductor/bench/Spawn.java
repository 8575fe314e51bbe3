package nova.conductor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nova.conductor.Conductor;
import nova.conductor.Deployment;
import nova.conductor.RunningConductor;
import nova.conductor.config.Allocations;
import nova.conductor.config.AppConfig;
import nova.conductor.config.Configs;
import nova.conductor.config.Datacenter;
import nova.conductor.config.ModelConfig;
import nova.conductor.fleet.Fleet;

/**
 * How long a fleet of mock agents takes to get ready, against bare processes started the same way.
 */
final class Spawn {
  private Spawn() {}

  static long agents(AppConfig app, String allocation) throws Exception {
    Datacenter dc = Configs.datacenter(RunningConductor.CONFIGS.resolve("datacenter_64.toml"));
    ModelConfig model = Configs.model(RunningConductor.CONFIGS.resolve("single_model_config.toml"));
    Path sockets = Files.createTempDirectory(Path.of("/tmp"), "nsp");
    try (Conductor conductor =
        new Conductor(
            dc,
            RunningConductor.CONFIGS,
            new Fleet(RunningConductor.launcher(app), app.agents(), sockets))) {
      long started = System.nanoTime();
      conductor.deploy(
          new Deployment(
              "single_model_config.toml",
              model,
              Allocations.parse(allocation, dc, model),
              "bench"));
      long took = System.nanoTime() - started;
      if (conductor.fleet().agents().size() != 64)
        throw new IllegalStateException(
            "expected 64 agents, got " + conductor.fleet().agents().size());
      return took;
    } finally {
      try (var files = Files.list(sockets)) {
        for (Path f : files.toList()) Files.deleteIfExists(f);
      }
      Files.deleteIfExists(sockets);
    }
  }

  /** Starts {@code count} processes of {@code command} at once and waits for all to exit. */
  static long processes(int count, String... command) throws Exception {
    long started = System.nanoTime();
    List<Process> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start());
    }
    for (Process p : all) p.waitFor();
    return System.nanoTime() - started;
  }
}
