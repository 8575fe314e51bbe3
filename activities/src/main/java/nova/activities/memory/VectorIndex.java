package nova.activities.memory;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A model's partial HNSW index. Model names reach SQL text here (a partial index predicate can't
 * take a parameter), so only names of the safe shape are accepted, and quotes are doubled anyway.
 */
final class VectorIndex {
  static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}");

  /** pgvector's HNSW indexes take vectors of at most 2,000 dimensions. */
  public static final int MAX_DIMENSIONS = 2000;

  private VectorIndex() {}

  public static String checkedName(String model) {
    if (model == null || model.isBlank())
      throw new BadMemoryRequest(
          "model is missing; name an embedding model such as local/all-minilm-l6-v2 or"
              + " provider/model");
    String name = model.strip();
    if (!MODEL_NAME.matcher(name).matches()) {
      throw new BadMemoryRequest(
          "model '"
              + name
              + "' is not a model name: letters, digits and . _ : / @ + -, at most 200");
    }
    return name;
  }

  /** Within PostgreSQL's 63 characters, and unique by a hash of the whole name. */
  static String nameFor(String model) {
    String readable = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    if (readable.length() > 32) readable = readable.substring(0, 32);
    String hash = HexFormat.of().formatHex(MemoryStore.sha256(model)).substring(0, 8);
    return "memory_chunks_hnsw_" + readable + "_" + hash;
  }

  static String create(String indexName, String model, int dimensions) {
    return "CREATE INDEX IF NOT EXISTS "
        + indexName
        + " ON memory_chunks USING hnsw ((CAST(embedding AS vector("
        + dimensions
        + ")))"
        + " vector_cosine_ops) WHERE model = '"
        + checkedName(model).replace("'", "''")
        + "'";
  }

  /**
   * Concurrently: search and stores go on while a retired model's index goes. Not inside a
   * transaction.
   */
  static String dropConcurrently(String indexName) {
    if (!indexName.matches("[a-z0-9_]{1,63}"))
      throw new IllegalStateException("unexpected index name " + indexName);
    return "DROP INDEX CONCURRENTLY IF EXISTS " + indexName;
  }
}
