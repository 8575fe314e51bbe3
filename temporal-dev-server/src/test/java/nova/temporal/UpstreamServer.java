package nova.temporal;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;

/** Upstream's in-memory server as {@code TestServer} starts it, without the repairs: what the repairs are measured against. */
final class UpstreamServer implements AutoCloseable {
  final TestServicesStarter services = new TestServicesStarter(true, 0);
  private final Server grpc;

  UpstreamServer() throws IOException {
    ServerBuilder<?> builder = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    grpc = builder.build().start();
  }

  int port() {
    return grpc.getPort();
  }

  @Override
  public void close() {
    grpc.shutdownNow();
    services.close();
  }
}
