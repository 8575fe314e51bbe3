package nova.activities.memory;

import java.util.List;
import nova.activities.llm.gateway.Gateway;

/** An embedding model behind the LLM gateway, by its provider/model name; usage is logged as memory's. */
record GatewayEmbedder(Gateway gateway, String model) implements Embedder {
  private static final int BATCH = 64;

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new java.util.ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      for (float[] v : gateway.embed(model, texts.subList(from, Math.min(texts.size(), from + BATCH)), "memory").vectors()) {
        out.add(unit(v));
      }
    }
    return out;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = v[i] * scale;
    return out;
  }
}
