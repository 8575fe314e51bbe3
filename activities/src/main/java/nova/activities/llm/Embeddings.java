package nova.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Vectors for a list of texts, in the order given, and the tokens the provider counted. */
public record Embeddings(List<float[]> vectors, long inputTokens) {
  static float[] floats(JsonNode array) {
    float[] vector = new float[array.size()];
    for (int i = 0; i < vector.length; i++) vector[i] = (float) array.get(i).asDouble();
    return vector;
  }
}
