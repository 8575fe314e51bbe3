package nova.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time the stack's processes spend, from the kernel's accounting (what top shows), read before
 * and after the measured phase. On a 2-core machine the processes share the cores, so this says
 * which one a lifecycle's time goes to, and how fast the others would allow Nova to go at best.
 */
final class ProcessCpu {
  static final String NOVA = "Nova server";
  private final Map<String, Long> pids = new LinkedHashMap<>();
  private final Map<Long, Duration> before = new HashMap<>();

  /** The processes bin/nova started under STATE (var/bench), plus this benchmark client. */
  ProcessCpu(Path state) {
    pidFile(state.resolve("run/nova.pid")).ifPresent(pid -> pids.put(NOVA, pid));
    pidFile(state.resolve("run/temporal.pid")).ifPresent(pid -> pids.put("Temporal server", pid));
    pidFile(state.resolve("pg/data/postmaster.pid")).ifPresent(pid -> pids.put("PostgreSQL", pid));
    pidFile(state.resolve("run/redis.pid")).ifPresent(pid -> pids.put("Redis", pid));
    pids.put("benchmark client", ProcessHandle.current().pid());
  }

  void start() {
    before.clear();
    for (long pid : pids.values()) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                before.put(p.pid(), cpu(p));
                p.children().forEach(child -> before.put(child.pid(), cpu(child)));
              });
    }
  }

  /**
   * Milliseconds of CPU per process name since start(), a process's children (PostgreSQL's
   * backends) included.
   */
  Map<String, Double> millisSinceStart() {
    Map<String, Double> spent = new LinkedHashMap<>();
    pids.forEach(
        (name, pid) ->
            ProcessHandle.of(pid)
                .ifPresent(
                    p -> {
                      double millis = since(p);
                      for (ProcessHandle child : p.children().toList()) millis += since(child);
                      spent.put(name, millis);
                    }));
    return spent;
  }

  boolean found() {
    return pids.containsKey(NOVA);
  }

  private double since(ProcessHandle p) {
    return (cpu(p).minus(before.getOrDefault(p.pid(), Duration.ZERO))).toNanos() / 1e6;
  }

  private static Duration cpu(ProcessHandle p) {
    return p.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static Optional<Long> pidFile(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(file).getFirst().trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
