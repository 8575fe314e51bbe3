package nova.conductor.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import nova.conductor.Conductor;

/**
 * The conductor's HTTP side: the OpenAI-compatible endpoint under /openai/v1 (as Neutrino offers
 * it), /status for people and Nova, and /admin for deploy, scale and drain (with a bearer token).
 */
public final class HttpFront implements AutoCloseable {
  static {
    // The JDK's server leaves Nagle's algorithm on, which holds each small streamed chunk back
    // until the client's delayed ACK. Read once, when the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;

  private HttpFront(HttpServer server) {
    this.server = server;
  }

  /** {@code adminToken}: what /admin asks for as a bearer token; blank turns /admin off. */
  public static HttpFront start(Conductor conductor, String host, int port, String adminToken)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/openai/v1/chat/completions", new ChatCompletions(conductor));
    server.createContext("/openai/v1/models", new Models(conductor));
    server.createContext("/status", new Status(conductor));
    server.createContext("/admin/", new Admin(conductor, adminToken));
    server.start();
    return new HttpFront(server);
  }

  public String baseUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
