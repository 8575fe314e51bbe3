package nova.conductor.config;

import static nova.conductor.config.TomlFailures.assertFailsAt;
import static nova.conductor.config.TomlFailures.assertFailsWithoutLine;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigErrorsTest {
  private static final String FILE = "model_config.toml";
  @TempDir Path dir;

  private static String model(String kind) {
    return "[model]\nname = \"m\"\nkind = \"" + kind + "\"\nmax_context = 8192\n";
  }

  private static String role(String name) {
    return "[[roles]]\nname = \"" + name + "\"\nmodel = \"" + name + "-weights\"\n";
  }

  private static final String SINGLE = model("single") + role("model");

  private void fails(String toml, int line, String... says) {
    assertFailsAt(dir, FILE, toml, Configs::model, line, says);
  }

  @Test
  void badKind() {
    fails(
        model("singel") + role("model"),
        3,
        "'kind' must be one of \"single\", \"spec_decode\", \"vision\", not \"singel\"");
  }

  @Test
  void unknownKeys() {
    fails(
        SINGLE + "max_engine = 4\n",
        8,
        "unknown key 'max_engine' in [[roles]]; allowed: name,"
            + " model, min_engines, max_engines");
    fails(
        SINGLE
            + "[lora]\nmode = \"static\"\n[[lora.adapters]]\nname = \"a\"\nrank = 8\n"
            + "path = \"p\"\nalpha = 16\n",
        14,
        "unknown key 'alpha' in [[lora.adapters]]");
  }

  @Test
  void rolesInTheKindsOrder() {
    fails(
        model("spec_decode") + role("target") + role("draft"),
        6,
        "role 1 must be named \"draft\", not \"target\": kind spec_decode has 2 roles,"
            + " \"draft\" then \"target\"");
    fails(
        model("vision") + role("encoder"),
        3,
        "kind vision has 2 roles, \"encoder\" then \"language\", but the file has 1 [[roles]]");
    fails(SINGLE + role("model"), 8, "one [[roles]] too many: kind single has 1 role, \"model\"");
  }

  @Test
  void engineBounds() {
    fails(
        SINGLE + "min_engines = 4\nmax_engines = 2\n",
        9,
        "'max_engines' (2) must be at least min_engines (4)");
    fails(SINGLE + "min_engines = 0\n", 8, "'min_engines' must be at least 1, not 0");
    fails(SINGLE + "min_engines = 1.5\n", 8, "'min_engines' must be an integer, not a float (1.5)");
  }

  @Test
  void loraOnlyWithKindSingle() {
    fails(
        model("spec_decode")
            + role("draft")
            + role("target")
            + "[lora]\n"
            + "mode = \"static\"\n"
            + "[[lora.adapters]]\n"
            + "name = \"a\"\n"
            + "rank = 8\n"
            + "path = \"p\"\n",
        12,
        "LoRA adapters work only with kind \"single\", and this model is \"spec_decode\"");
  }

  @Test
  void loraModesAndTheirAdapters() {
    fails(
        SINGLE + "[lora]\nmode = \"static\"\n",
        9,
        "mode \"static\" needs at least one [[lora.adapters]]");
    fails(
        SINGLE
            + "[lora]\nmode = \"dynamic\"\n[[lora.adapters]]\nname = \"a\"\nrank = 8\n"
            + "path = \"p\"\n",
        8,
        "missing key 'max_loaded' in [lora] (an integer)");
    fails(
        SINGLE + "[lora]\nmode = \"dynamic\"\nmax_loaded = 0\n",
        10,
        "'max_loaded' must be at least 1, not 0");
    fails(
        SINGLE + "[lora]\nmode = \"dynamic\"\nmax_loaded = 2\n",
        9,
        "mode \"dynamic\" needs at least one [[lora.adapters]]");
    fails(
        SINGLE + "[lora]\nmode = \"static\"\nmax_loaded = 2\n",
        10,
        "'max_loaded' is only for mode \"dynamic\"");
    fails(
        SINGLE
            + "[lora]\nmode = \"none\"\n[[lora.adapters]]\nname = \"a\"\nrank = 8\n"
            + "path = \"p\"\n",
        10,
        "mode \"none\" takes no [[lora.adapters]]");
    fails(
        SINGLE + "[lora]\nmode = \"Static\"\n",
        9,
        "'mode' must be one of \"none\", \"static\", \"dynamic\", not \"Static\"");
  }

  @Test
  void duplicateAdapterNames() {
    String adapter = "[[lora.adapters]]\nname = \"a\"\nrank = 8\npath = \"p\"\n";
    fails(
        SINGLE + "[lora]\nmode = \"static\"\n" + adapter + adapter,
        15,
        "duplicate adapter name \"a\"; first defined on line 11");
  }

  @Test
  void missingModelTable() {
    assertFailsWithoutLine(
        dir,
        FILE,
        role("model"),
        Configs::model,
        "missing table [model] (name, kind, max_context)");
  }

  @Test
  void missingRequiredKeyPointsAtItsTable() {
    fails(
        "\n[model]\nname = \"m\"\nkind = \"single\"\n" + role("model"),
        2,
        "missing key 'max_context' in [model] (an integer)");
  }
}
