package nova.conductor.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a model config: [model], [[roles]] in the order the kind fixes, and [lora]. */
final class ModelConfigReader {
  private ModelConfigReader() {}

  static ModelConfig read(Path file) throws ConfigException {
    TomlSection root = TomlDocument.read(file);
    root.allowOnly("model", "roles", "lora");
    TomlSection model =
        root.table("model")
            .orElseThrow(() -> root.here("missing table [model] (name, kind, max_context)"));
    model.allowOnly("name", "kind", "max_context");
    String name = model.string("name");
    ModelKind kind = model.choice("kind", ModelKind.values(), ModelKind::wire, null);
    int maxContext = (int) model.integer("max_context", 1, Integer.MAX_VALUE);
    List<ModelConfig.Role> roles = roles(root.tables("roles"), model, kind);
    ModelConfig.Lora lora = LoraReader.read(root.table("lora").orElse(null), kind);
    return new ModelConfig(name, kind, maxContext, roles, lora);
  }

  private static List<ModelConfig.Role> roles(
      List<TomlSection> sections, TomlSection model, ModelKind kind) throws ConfigException {
    List<String> expected = kind.roleNames();
    List<ModelConfig.Role> roles = new ArrayList<>();
    for (TomlSection section : sections) {
      section.allowOnly("name", "model", "min_engines", "max_engines");
      int index = roles.size();
      if (index >= expected.size()) {
        throw section.here(
            "one [[roles]] too many: kind " + kind.wire() + " has " + expected(kind));
      }
      String name = section.string("name");
      if (!name.equals(expected.get(index))) {
        throw section.error(
            "name",
            "role "
                + (index + 1)
                + " must be named \""
                + expected.get(index)
                + "\", not \""
                + name
                + "\": kind "
                + kind.wire()
                + " has "
                + expected(kind));
      }
      roles.add(role(section, name, kind));
    }
    if (roles.size() < expected.size()) {
      throw model.error(
          "kind",
          "kind "
              + kind.wire()
              + " has "
              + expected(kind)
              + ", but the file has "
              + roles.size()
              + " [[roles]]");
    }
    return roles;
  }

  private static ModelConfig.Role role(TomlSection section, String name, ModelKind kind)
      throws ConfigException {
    String model = section.string("model");
    int min = (int) section.integer("min_engines", 1, 1, Integer.MAX_VALUE);
    int max =
        (int)
            section.integer(
                "max_engines", ModelConfig.Role.UNLIMITED, 1, ModelConfig.Role.UNLIMITED);
    if (max < min) {
      throw section.error(
          "max_engines", "'max_engines' (" + max + ") must be at least min_engines (" + min + ")");
    }
    return new ModelConfig.Role(name, model, min, max, name.equals(kind.servingRoleName()));
  }

  /** "2 roles, \"draft\" then \"target\"", for messages. */
  static String expected(ModelKind kind) {
    List<String> names = kind.roleNames();
    String quoted = names.stream().map(n -> '"' + n + '"').collect(Collectors.joining(" then "));
    return (names.size() == 1 ? "1 role, " : names.size() + " roles, ") + quoted;
  }
}
