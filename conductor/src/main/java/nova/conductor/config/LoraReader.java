package nova.conductor.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads [lora] and its [[lora.adapters]]; an absent [lora] means no adapters. */
final class LoraReader {
  private LoraReader() {}

  static ModelConfig.Lora read(TomlSection lora, ModelKind kind) throws ConfigException {
    if (lora == null) return ModelConfig.Lora.NONE;
    lora.allowOnly("mode", "max_loaded", "adapters");
    LoraMode mode = lora.choice("mode", LoraMode.values(), LoraMode::wire, LoraMode.NONE);
    List<TomlSection> sections = lora.tables("adapters");
    List<ModelConfig.Adapter> adapters = adapters(sections);
    if (mode != LoraMode.NONE && kind != ModelKind.SINGLE) {
      throw lora.error(
          "mode",
          "LoRA adapters work only with kind \"single\", and this model is \""
              + kind.wire()
              + "\"; remove [lora] or set mode = \"none\"");
    }
    if (mode != LoraMode.DYNAMIC && lora.has("max_loaded")) {
      throw lora.error(
          "max_loaded",
          "'max_loaded' is only for mode \"dynamic\"; mode \""
              + mode.wire()
              + "\" "
              + (mode == LoraMode.STATIC ? "loads every adapter at setup" : "loads none"));
    }
    return switch (mode) {
      case NONE -> {
        if (!adapters.isEmpty()) {
          throw sections
              .getFirst()
              .here(
                  "mode \"none\" takes no [[lora.adapters]];"
                      + " set mode = \"static\" or \"dynamic\" in [lora] to use them");
        }
        yield ModelConfig.Lora.NONE;
      }
      case STATIC -> {
        if (adapters.isEmpty()) {
          throw lora.error(
              "mode", "mode \"static\" needs at least one [[lora.adapters]]" + " to load at setup");
        }
        yield new ModelConfig.Lora(mode, adapters.size(), adapters);
      }
      case DYNAMIC -> {
        int maxLoaded = (int) lora.integer("max_loaded", 1, Integer.MAX_VALUE);
        if (adapters.isEmpty()) {
          throw lora.error(
              "mode",
              "mode \"dynamic\" needs at least one [[lora.adapters]]"
                  + " that may be loaded at run time");
        }
        yield new ModelConfig.Lora(mode, maxLoaded, adapters);
      }
    };
  }

  private static List<ModelConfig.Adapter> adapters(List<TomlSection> sections)
      throws ConfigException {
    List<ModelConfig.Adapter> adapters = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (TomlSection section : sections) {
      section.allowOnly("name", "rank", "path");
      String name = section.string("name");
      Integer first = seen.putIfAbsent(name, section.line("name"));
      if (first != null) {
        throw section.error(
            "name", "duplicate adapter name \"" + name + "\"; first defined on line " + first);
      }
      int rank = (int) section.integer("rank", 1, Integer.MAX_VALUE);
      adapters.add(new ModelConfig.Adapter(name, rank, section.string("path")));
    }
    return adapters;
  }
}
