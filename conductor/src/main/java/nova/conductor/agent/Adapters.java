package nova.conductor.agent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import nova.conductor.wire.Body;
import nova.conductor.wire.LoraMode;

/** The LoRA adapters a mock agent holds, under the rules of the model's LoRA mode. */
final class Adapters {
  private final SequencedSet<String> loaded = new LinkedHashSet<>();

  synchronized Body.AdapterResult load(Body.LoadAdapter a, Body.Setup setup) {
    if (setup == null) return refused("no model is loaded yet; adapters load after setup");
    if (setup.loraMode() == LoraMode.NONE) return refused(setup.model() + " takes no LoRA adapters");
    if (loaded.contains(a.name())) return new Body.AdapterResult(true, a.name() + " was already loaded", loaded());
    if (loaded.size() >= setup.maxAdapters()) {
      return refused("at most " + setup.maxAdapters() + " adapter(s) fit at once and " + loaded + " are loaded; unload one first");
    }
    loaded.add(a.name());
    return new Body.AdapterResult(true, a.name() + " loaded (rank " + a.rank() + ")", loaded());
  }

  synchronized Body.AdapterResult unload(String name, Body.Setup setup) {
    if (setup != null && setup.loraMode() == LoraMode.STATIC) return refused("static adapters stay loaded for the life of the agent");
    if (!loaded.remove(name)) return refused("adapter '" + name + "' is not loaded; loaded: " + loaded);
    return new Body.AdapterResult(true, name + " unloaded", loaded());
  }

  synchronized List<String> loaded() {
    return List.copyOf(loaded);
  }

  private Body.AdapterResult refused(String why) {
    return new Body.AdapterResult(false, why, loaded());
  }
}
