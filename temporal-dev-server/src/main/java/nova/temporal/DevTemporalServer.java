package nova.temporal;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.StickyRedirects;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedList;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's in-memory server (what {@code io.temporal.testserver.TestServer PORT} starts: real
 * time, no time skipping) on the loopback address only, with two repairs: its lock log is bounded
 * so that it stays as fast on day three as in its first minute (see {@link BoundedLockLog}), and a
 * dead worker's sticky queue hands its workflow tasks to live workers (see {@link StickyFailover}).
 */
public final class DevTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server grpc;
  private final LinkedList<?> lockLog;
  private final StickyFailover failover;

  private DevTemporalServer(TestServicesStarter services, Server grpc, LinkedList<?> lockLog, StickyFailover failover) {
    this.services = services;
    this.grpc = grpc;
    this.lockLog = lockLog;
    this.failover = failover;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
      System.err.println("usage: DevTemporalServer PORT");
      System.exit(2);
    }
    DevTemporalServer server = start(Integer.parseInt(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("Temporal in-memory server listening on " + args[0]);
    server.grpc.awaitTermination();
  }

  /** Starts serving on the port of 127.0.0.1; both repairs are in place before the first request can arrive. */
  public static DevTemporalServer start(int port) throws IOException {
    boolean lockTimeSkipping = true; // time moves with the wall clock, as on a real cluster
    TestServicesStarter services = new TestServicesStarter(lockTimeSkipping, 0);
    LinkedList<?> lockLog = boundLockLog(services);
    StickyFailover failover = stickyFailover(services);
    ServerBuilder<?> builder = NettyServerBuilder.forAddress(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), InsecureServerCredentials.create());
    if (failover != null) builder.intercept(failover.pollers());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    return new DevTemporalServer(services, builder.build().start(), lockLog, failover);
  }

  private static StickyFailover stickyFailover(TestServicesStarter services) {
    try {
      return new StickyFailover(StickyRedirects.install(services));
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println("could not watch the test server's sticky queues (" + e + "): after a worker is killed, "
          + "its workflows wait until it comes back");
      return null;
    }
  }

  /** Whether a dead worker's sticky queue is handed to live workers. */
  public boolean stickyFailover() {
    return failover != null;
  }

  /** The port it listens on, which is the one it was started on unless that was 0. */
  public int port() {
    return grpc.getPort();
  }

  /** How many lock events the server keeps for its diagnostics; -1 if its log could not be reached. */
  public int lockLogSize() {
    return lockLog == null ? -1 : lockLog.size();
  }

  public boolean lockLogBounded() {
    return lockLog instanceof BoundedLockLog;
  }

  @Override
  public void close() {
    if (failover != null) failover.close();
    grpc.shutdown();
    try {
      grpc.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
  }

  private static LinkedList<?> boundLockLog(TestServicesStarter services) {
    try {
      Field log = lockLogField(services);
      BoundedLockLog bounded = new BoundedLockLog((LinkedList<?>) log.get(timer(services)));
      log.set(timer(services), bounded);
      return bounded;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // A newer SDK may have fixed or renamed this: serve anyway, only slower over time.
      System.err.println("could not bound the test server's lock log (" + e + "); it will slow down as it runs");
      return null;
    }
  }

  /** The server's own lock log, as upstream keeps it; for comparison in tests. */
  static LinkedList<?> lockLogOf(TestServicesStarter services) throws ReflectiveOperationException {
    return (LinkedList<?>) lockLogField(services).get(timer(services));
  }

  private static Object timer(TestServicesStarter services) throws ReflectiveOperationException {
    return field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
  }

  private static Field lockLogField(TestServicesStarter services) throws ReflectiveOperationException {
    return field(timer(services).getClass(), "lockEvents");
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
