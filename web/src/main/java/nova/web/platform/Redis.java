package nova.web.platform;

import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import redis.clients.jedis.RedisClient;

/** The shared Redis client (a pool inside). */
public final class Redis implements Managed {
  private final URI uri;
  private final RedisClient client;

  public Redis(String redisUrl) {
    this.uri = URI.create(redisUrl);
    this.client = RedisClient.create(uri);
  }

  public RedisClient client() {
    return client;
  }

  /** A client of its own for a blocking subscription, which holds its connection for good. */
  public RedisClient newSubscriberClient() {
    return RedisClient.create(uri);
  }

  public boolean ping() {
    return "PONG".equals(client.ping());
  }

  @Override
  public void stop() {
    client.close();
  }
}
