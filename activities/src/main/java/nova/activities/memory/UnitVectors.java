package nova.activities.memory;

/** Scales vectors to length 1, so cosine distance is the same whichever model made them. */
final class UnitVectors {
  private UnitVectors() {}

  static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
    for (int i = 0; i < v.length; i++) v[i] *= scale;
    return v;
  }
}
