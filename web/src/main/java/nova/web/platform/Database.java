package nova.web.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import java.net.URI;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The PostgreSQL pool; {@link #start()} migrates it with Flyway from sql/ before any other part
 * starts, so nothing reads an old schema.
 */
public final class Database implements Managed {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  public Database(String databaseUrl) {
    HikariConfig config = new HikariConfig();
    URI uri = URI.create(databaseUrl.replaceFirst("^postgres(ql)?://", "postgresql://"));
    config.setJdbcUrl(
        "jdbc:postgresql://"
            + uri.getHost()
            + ":"
            + (uri.getPort() < 0 ? 5432 : uri.getPort())
            + uri.getPath()
            + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
    if (uri.getUserInfo() != null) {
      String[] user = uri.getUserInfo().split(":", 2);
      config.setUsername(user[0]);
      if (user.length > 1) config.setPassword(user[1]);
    }
    config.setMaximumPoolSize(16);
    // While PostgreSQL is down a request waits this long for a connection, then answers 503 (not 30
    // s, Hikari's default).
    config.setConnectionTimeout(3000);
    config.setPoolName("nova");
    this.dataSource = new HikariDataSource(config);
    this.jdbi =
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new PostgresPlugin());
  }

  @Override
  public void start() {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  /** JSON columns are read with the server's configured mapper. */
  public Database useJson(ObjectMapper json) {
    jdbi.getConfig(JsonColumns.class).use(json);
    return this;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public boolean ping() {
    return jdbi.withHandle(
            h -> h.createQuery("SELECT 1").setQueryTimeout(2).mapTo(Integer.class).one())
        == 1;
  }

  @Override
  public void stop() {
    dataSource.close();
  }
}
