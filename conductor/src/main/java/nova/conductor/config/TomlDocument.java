package nova.conductor.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/** Reads a TOML file into its top-level section, or says where it is malformed. */
final class TomlDocument {
  private TomlDocument() {}

  static TomlSection read(Path file) throws ConfigException {
    String name = file.toString();
    TomlParseResult result = Toml.parse(text(file));
    if (result.hasErrors()) {
      TomlParseError first = result.errors().getFirst();
      throw ConfigException.inFile(
          name,
          first.position().line(),
          first.position().column(),
          "malformed TOML: " + first.getMessage());
    }
    return TomlSection.root(name, result);
  }

  private static String text(Path file) throws ConfigException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw ConfigException.ofFile(file.toString(), "no such file", e);
    } catch (CharacterCodingException e) {
      throw ConfigException.ofFile(file.toString(), "not UTF-8 text, as TOML must be", e);
    } catch (IOException e) {
      throw ConfigException.ofFile(file.toString(), "cannot read: " + e, e);
    }
  }
}
