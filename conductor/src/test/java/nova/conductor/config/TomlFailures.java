package nova.conductor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a TOML file and checks the ConfigException that loading it must throw. */
final class TomlFailures {
  interface Loader {
    Object load(Path file) throws ConfigException;
  }

  private TomlFailures() {}

  /**
   * Asserts the message is "file:line:column: ..." (or "file:line: ...") and mentions each part.
   */
  static ConfigException assertFailsAt(
      Path dir, String name, String toml, Loader loader, int line, String... says) {
    Path file = write(dir, name, toml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
    assertThat(e).as("loading %s must fail", name).isNotNull();
    assertThat(e.getMessage()).matches("\\Q" + file + "\\E:" + line + ":(\\d+:)? .*");
    assertThat(e.line()).isEqualTo(line);
    for (String part : says) assertThat(e.getMessage()).contains(part);
    return e;
  }

  /** For problems with a whole file, which have no line. */
  static void assertFailsWithoutLine(
      Path dir, String name, String toml, Loader loader, String... says) {
    Path file = write(dir, name, toml);
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith(file + ": ");
    for (String part : says) assertThat(e.getMessage()).contains(part);
  }

  private static Path write(Path dir, String name, String toml) {
    try {
      return Files.writeString(dir.resolve(name), toml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
