package nova.conductor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nova.conductor.RunningConductor;
import nova.conductor.config.AppConfig;
import nova.conductor.config.Configs;
import nova.conductor.config.Datacenter;

/**
 * bin/nova bench conductor: Cap'n Proto round trips over one UNIX socket against the same messages
 * as JSON, the time to spawn 64 mock agents against 64 bare processes, and streamed tokens per
 * second through the HTTP endpoint against the same streams taken straight from the agents. Each
 * figure has its baseline from the same run, as this machine is shared and noisy.
 */
public final class ConductorBench {
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    roundTrips(seconds);
    spawn();
    streaming(seconds);
  }

  private static void roundTrips(double seconds) throws Exception {
    say(
        "round trips over one UNIX socket connection, one at a time (Ping -> Pong, 32-byte"
            + " payload), %.0f s each after 2 s of warm-up",
        seconds);
    for (boolean spinning : new boolean[] {false, true}) {
      say(
          spinning
              ? "  spinning socket (polls up to 50 us before it sleeps; the conductor's agent"
                  + " links):"
              : "  blocking socket:");
      Stats bare = roundTrip("bare 48 bytes", RoundTrips.Codec.BARE, spinning, seconds);
      Stats capnp = roundTrip("Cap'n Proto", RoundTrips.Codec.CAPNP, spinning, seconds);
      Stats json = roundTrip("JSON", RoundTrips.Codec.JSON, spinning, seconds);
      say(
          "    Cap'n Proto / bare: %.2f of the round trips; Cap'n Proto / JSON: %.2fx",
          capnp.perSecond() / bare.perSecond(), capnp.perSecond() / json.perSecond());
    }
    say("  target for Cap'n Proto on the agent links (spinning): >= 50,000/s, p99 < 200 us");
  }

  private static Stats roundTrip(
      String name, RoundTrips.Codec codec, boolean spinning, double seconds) throws Exception {
    Stats s = Stats.of(RoundTrips.measure(codec, spinning, seconds, 2), seconds);
    say(
        "    %-14s %,9.0f round trips/s, p50 %5.1f us, p99 %6.1f us",
        name + ":", s.perSecond(), s.p50() / 1e3, s.p99() / 1e3);
    return s;
  }

  private static void spawn() throws Exception {
    Datacenter dc = Configs.datacenter(RunningConductor.CONFIGS.resolve("datacenter_64.toml"));
    List<String> racks = new ArrayList<>();
    dc.chassis().forEach(c -> c.racks().forEach(r -> racks.add(c.id() + r.id())));
    String allocation = String.join(",", racks);
    say(
        "spawning 64 mock agents (%s), each a process on a UNIX socket, until all are set up and"
            + " ready",
        allocation);
    AppConfig test = RunningConductor.testApp(1000);
    AppConfig.Agents a = test.agents();
    AppConfig app =
        new AppConfig(
            test.http(),
            new AppConfig.Agents(
                a.socketDir(),
                a.heartbeatInterval(),
                Duration.ofSeconds(60),
                a.restartBackoffInitial(),
                a.restartBackoffMax(),
                Duration.ofMinutes(3),
                a.drainTimeout(),
                a.maxInFlight()),
            test.mock());
    Spawn.agents(app, allocation); // warm-up: the conductor's own classes and JIT
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) best = Math.min(best, Spawn.agents(app, allocation));
    long bare = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) bare = Math.min(bare, Spawn.processes(64, "/bin/true"));
    String java = ProcessHandle.current().info().command().orElseThrow();
    long jvms = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++)
      jvms =
          Math.min(
              jvms,
              Spawn.processes(
                  64,
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-version"));
    say("  64 agents ready: %.3f s (best of 5; target < 3 s)", best / 1e9);
    say(
        "  64 /bin/true started and exited: %.3f s; the agents take %.1fx that",
        bare / 1e9, (double) best / bare);
    say(
        "  64 JVMs (java -version, no UNIX socket yet) started and exited: %.2f s, %.1fx the"
            + " agents: why the mock agent is native",
        jvms / 1e9, (double) jvms / best);
  }

  private static void streaming(double seconds) throws Exception {
    int clients = 16;
    say(
        "streamed tokens through the conductor, %d clients for %.0f s each way, 2 unpaced mock"
            + " agents (c1r1)",
        clients, seconds);
    Streams.Result http;
    Streams.Result direct;
    AppConfig app = RunningConductor.testApp(1_000_000);
    AppConfig unpaced =
        new AppConfig(
            app.http(),
            app.agents(),
            new AppConfig.MockAgents(Duration.ZERO, 1_000_000, Duration.ZERO));
    try (RunningConductor c =
        RunningConductor.start(
            "single_model_config.toml",
            "c1r1",
            "bench",
            unpaced,
            RunningConductor.launcher(unpaced))) {
      Streams.http(c, clients, 2); // warm-up
      http = Streams.http(c, clients, seconds);
      direct = Streams.direct(c, clients, seconds);
    }
    say(
        "  through HTTP (SSE, OpenAI chunks): %,.0f tokens/s, %,.0f requests/s",
        http.tokensPerSecond(), http.requestsPerSecond());
    say(
        "  straight from the agents (router, no HTTP): %,.0f tokens/s, %,.0f requests/s",
        direct.tokensPerSecond(), direct.requestsPerSecond());
    say("  HTTP / direct: %.2f", http.tokensPerSecond() / direct.tokensPerSecond());
  }

  static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
