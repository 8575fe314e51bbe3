package nova.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Damaged example files load or fail with a ConfigException that names the file; never else. */
class ConfigFilesPropertiesTest {
  private static final List<String> EXAMPLES =
      List.of(
          "app_config.toml",
          "datacenter.toml",
          "single_model_config.toml",
          "spec_decode_model_config.toml",
          "vision_model_config.toml",
          "single_model_static_lora_config.toml",
          "single_model_dyn_lora_config.toml");
  private static Path dir;

  /** One example, with a piece cut out and a piece of TOML-ish text put in at random places. */
  record Damaged(String example, String text) {}

  @BeforeContainer
  static void createDir() throws IOException {
    dir = Files.createTempDirectory("nova-config-fuzz");
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) Files.delete(file);
    }
    Files.delete(dir);
  }

  @Property(tries = 500)
  void damagedFilesOnlyEverFailWithConfigException(@ForAll("damaged") Damaged damaged)
      throws IOException {
    Path file = Files.writeString(dir.resolve(damaged.example()), damaged.text());
    try {
      if (damaged.example().startsWith("app")) Configs.app(file);
      else if (damaged.example().startsWith("datacenter")) Configs.datacenter(file);
      else Configs.model(file);
    } catch (ConfigException e) {
      assertThat(e.getMessage()).startsWith(file + ":");
    }
  }

  @Provide
  Arbitrary<Damaged> damaged() {
    Arbitrary<String> pieces =
        Arbitraries.of("", "=", "\"", "[", "]]", "[[", "\n", "x", "0", "-1", "1.5", "true", "{");
    return Arbitraries.of(EXAMPLES)
        .flatMap(
            example -> {
              String text = read(example);
              Arbitrary<Integer> at = Arbitraries.integers().between(0, text.length());
              Arbitrary<Integer> length = Arbitraries.integers().between(0, 12);
              return Combinators.combine(at, length, pieces)
                  .as(
                      (cut, cutLength, piece) ->
                          new Damaged(
                              example,
                              text.substring(0, cut)
                                  + piece
                                  + text.substring(Math.min(text.length(), cut + cutLength))));
            });
  }

  private static String read(String example) {
    try {
      return Files.readString(ExampleConfigsTest.CONFIGS.resolve(example));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
