package nova.activities.memory;

import java.util.List;

/**
 * Doors for tests and benchmarks that measure one part of memory alone. The product never uses it.
 */
public final class MemoryTestSupport {
  private MemoryTestSupport() {}

  /** The built-in embedding model, loaded on its own. */
  public interface LocalModel extends AutoCloseable {
    List<float[]> embed(List<String> texts);
  }

  public static LocalModel localModel() {
    LocalEmbedder model = new LocalEmbedder();
    return new LocalModel() {
      @Override
      public List<float[]> embed(List<String> texts) {
        return model.embed(texts);
      }

      @Override
      public void close() throws Exception {
        model.close();
      }
    };
  }
}
