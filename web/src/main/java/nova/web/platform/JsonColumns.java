package nova.web.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The mapper that row mappers JDBI builds itself (from {@code @UseRowMapper}) read JSON columns
 * with: the server's configured one once {@link Database#useJson} is called, Jackson's plain one
 * for a tool that opens the database on its own.
 */
public final class JsonColumns implements JdbiConfig<JsonColumns> {
  private ObjectMapper mapper;

  public JsonColumns() {
    this(new ObjectMapper());
  }

  private JsonColumns(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  void use(ObjectMapper configured) {
    this.mapper = configured;
  }

  @Override
  public JsonColumns createCopy() {
    return new JsonColumns(mapper);
  }
}
