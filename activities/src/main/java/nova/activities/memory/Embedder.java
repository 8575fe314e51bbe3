package nova.activities.memory;

import java.util.List;

/** Turns texts into unit vectors of one model; the vectors come back in the order given. */
interface Embedder {
  String model();

  List<float[]> embed(List<String> texts);
}
