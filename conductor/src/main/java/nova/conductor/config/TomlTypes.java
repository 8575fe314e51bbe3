package nova.conductor.config;

import java.time.temporal.Temporal;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** Names TOML value types the way the TOML spec does, for type errors. */
final class TomlTypes {
  private TomlTypes() {}

  static String describe(Object value) {
    return switch (value) {
      case String text -> "a string (\"" + text + "\")";
      case Long number -> "an integer (" + number + ")";
      case Double number -> "a float (" + number + ")";
      case Boolean flag -> "a boolean (" + flag + ")";
      case TomlArray array when array.containsTables() -> "an array of tables";
      case TomlArray array -> "an array";
      case TomlTable table -> "a table";
      case Temporal time -> "a date/time";
      default -> value.getClass().getSimpleName();
    };
  }
}
