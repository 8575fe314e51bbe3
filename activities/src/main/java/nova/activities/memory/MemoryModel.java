package nova.activities.memory;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** An embedding model memories are stored with; status is active or building. */
public record MemoryModel(String model, int dimensions, String status) {
  static final RowMapper<MemoryModel> ROWS = ConstructorMapper.of(MemoryModel.class);

  /**
   * The cast that the model's partial HNSW index is built on; the dimension is a number from the
   * table, never input.
   */
  String vectorType() {
    return "vector(" + dimensions + ")";
  }
}
