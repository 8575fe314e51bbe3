package nova.tests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL, Redis or Temporal of a test's own, as a real process it can stop and start again
 * while a Nova server uses it; the same binaries bin/nova runs.
 */
abstract class PartProcess implements AutoCloseable {
  final int port;
  final Path dir;

  PartProcess(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  abstract String url();

  abstract PartProcess start() throws Exception;

  abstract void stop() throws Exception;

  @Override
  public void close() throws Exception {
    stop();
  }

  void awaitPort(boolean open, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean listening;
      try (Socket s = new Socket("127.0.0.1", port)) {
        listening = true;
      } catch (IOException closed) {
        listening = false;
      }
      if (listening == open) return;
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        getClass().getSimpleName()
            + " on port "
            + port
            + (open ? " did not open" : " did not close")
            + " within "
            + seconds
            + " s");
  }

  /** Starts a long-running child with its output appended to a log under the part's folder. */
  Process spawn(String logName, String... command) throws Exception {
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(logName).toFile()))
            .start();
    try {
      awaitPort(true, 30);
      if (!child.isAlive())
        throw new IllegalStateException(
            command[0]
                + " exited at once (another process on port "
                + port
                + "?); see "
                + dir.resolve(logName));
    } catch (Exception | Error failed) {
      child.destroyForcibly(); // nobody else holds it to stop it
      throw failed;
    }
    return child;
  }

  /** SIGTERM, or with {@code force} SIGKILL, and waits for the child to be gone. */
  static void end(Process child, boolean force) throws InterruptedException {
    if (child == null || !child.isAlive()) return;
    if (force) child.destroyForcibly();
    else child.destroy();
    child.waitFor();
  }

  static void run(Path log, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (p.waitFor() != 0)
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
  }

  /**
   * PostgreSQL 15 with pgvector, in a cluster of its own (run as the postgres user when the tests
   * run as root).
   */
  static final class Postgres extends PartProcess {
    private static final Path BIN =
        Path.of(System.getenv().getOrDefault("NOVA_PG_BINDIR", "/usr/lib/postgresql/15/bin"));
    private final boolean root = "root".equals(System.getProperty("user.name"));
    private boolean initialised;

    Postgres(Path dir) throws IOException {
      super(dir);
    }

    @Override
    String url() {
      return "postgresql://nova@127.0.0.1:" + port + "/nova";
    }

    @Override
    Postgres start() throws Exception {
      Path log = dir.resolve("commands.log");
      if (!initialised) {
        if (root) run(log, "chown", "-R", "postgres", dir.toString());
        asPostgres(
            log,
            BIN.resolve("initdb").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-U",
            "nova",
            "--auth=trust",
            "-E",
            "UTF8");
      }
      asPostgres(
          log,
          BIN.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-w",
          "-t",
          "30",
          "-o",
          "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off",
          "start");
      if (!initialised)
        asPostgres(
            log,
            BIN.resolve("createdb").toString(),
            "-h",
            "127.0.0.1",
            "-p",
            String.valueOf(port),
            "-U",
            "nova",
            "nova");
      initialised = true;
      return this;
    }

    @Override
    void stop() throws Exception {
      if (initialised && Files.exists(dir.resolve("data/postmaster.pid"))) {
        asPostgres(
            dir.resolve("commands.log"),
            BIN.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "fast",
            "-w",
            "stop");
      }
    }

    private void asPostgres(Path log, String... command) throws Exception {
      List<String> all = new ArrayList<>();
      if (root) all.addAll(List.of("runuser", "-u", "postgres", "--"));
      all.addAll(List.of(command));
      run(log, all.toArray(String[]::new));
    }
  }

  /** redis-server without persistence, as bin/nova runs it: a restart forgets everything. */
  static final class Redis extends PartProcess {
    private Process process;

    Redis(Path dir) throws IOException {
      super(dir);
    }

    @Override
    String url() {
      return "redis://127.0.0.1:" + port;
    }

    @Override
    Redis start() throws Exception {
      process =
          spawn(
              "redis.log",
              "redis-server",
              "--port",
              String.valueOf(port),
              "--bind",
              "127.0.0.1",
              "--save",
              "",
              "--appendonly",
              "no");
      return this;
    }

    @Override
    void stop() throws Exception {
      end(process, false);
    }
  }

  /**
   * The Temporal CLI's development server that bin/nova dev runs (a real Temporal server), its
   * state in a SQLite file under the part's folder: stopped and started again, it still has every
   * workflow.
   */
  static final class Temporal extends PartProcess {
    private Process process;

    Temporal(Path dir) throws IOException {
      super(dir);
    }

    /** The CLI that bin/nova built for this machine (TEMPORAL_CLI). */
    static String cli() {
      String cli = System.getenv("TEMPORAL_CLI");
      if (cli == null || !Files.isExecutable(Path.of(cli))) {
        throw new IllegalStateException(
            "TEMPORAL_CLI names no executable (" + cli + "): run the tests through bin/nova test");
      }
      return cli;
    }

    @Override
    String url() {
      return "127.0.0.1:" + port;
    }

    @Override
    Temporal start() throws Exception {
      process =
          spawn(
              "temporal.log",
              cli(),
              "server",
              "start-dev",
              "--headless",
              "--ip",
              "127.0.0.1",
              "--port",
              String.valueOf(port),
              "--db-filename",
              dir.resolve("temporal.db").toString(),
              "--log-level",
              "warn");
      return this;
    }

    /** kill -9: a crash loses nothing SQLite committed, and that is what a crash of it is like. */
    @Override
    void stop() throws Exception {
      end(process, true);
    }
  }

  /**
   * Temporal's Web UI server, as bin/nova dev runs it beside the development server: write actions
   * disabled.
   */
  static final class WebUi extends PartProcess {
    private final String temporal;
    private Process process;

    /** For the Temporal at {@code temporal} (host:port). */
    WebUi(Path dir, String temporal) throws IOException {
      super(dir);
      this.temporal = temporal;
    }

    @Override
    String url() {
      return "http://127.0.0.1:" + port;
    }

    @Override
    WebUi start() throws Exception {
      String server = System.getenv().getOrDefault("TEMPORAL_UI_SERVER", "");
      if (!Files.isExecutable(Path.of(server)))
        throw new IllegalStateException(
            "TEMPORAL_UI_SERVER names no executable ("
                + server
                + "): run the tests through bin/nova test");
      Files.createDirectories(dir.resolve("config"));
      Files.writeString(
          dir.resolve("config/development.yaml"),
          """
          temporalGrpcAddress: %s
          host: 127.0.0.1
          port: %d
          enableUi: true
          defaultNamespace: default
          notifyOnNewVersion: false
          disableWriteActions: true
          cors:
            cookieInsecure: true
          """
              .formatted(temporal, port));
      process =
          spawn(
              "ui.log",
              server,
              "--root",
              dir.toString(),
              "--config",
              "config",
              "--env",
              "development",
              "start");
      return this;
    }

    @Override
    void stop() throws Exception {
      end(process, false);
    }
  }
}
