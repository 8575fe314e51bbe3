package nova.activities.memory;

import java.util.ArrayList;
import java.util.List;
import nova.activities.llm.gateway.LlmServices;

/**
 * An embedding model behind the LLM gateway, by its provider/model name; usage is logged as
 * memory's.
 */
record GatewayEmbedder(LlmServices gateway, String model) implements Embedder {
  private static final int BATCH = 64;

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      for (float[] v :
          gateway
              .embed(model, texts.subList(from, Math.min(texts.size(), from + BATCH)), "memory")
              .vectors()) {
        out.add(UnitVectors.normalize(v));
      }
    }
    return out;
  }
}
