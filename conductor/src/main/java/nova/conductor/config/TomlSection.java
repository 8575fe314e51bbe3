package nova.conductor.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * One TOML table with typed, validated reads. Every error it builds carries the file and the line
 * of the offending key, or of the table's header when the key is missing, because tomlj keeps an
 * input position for each.
 */
final class TomlSection {
  private final String file;
  private final TomlTable table;
  private final String path;
  private final String where;
  private final TomlPosition start;

  private TomlSection(String file, TomlTable table, String path, String where, TomlPosition start) {
    this.file = file;
    this.table = table;
    this.path = path;
    this.where = where;
    this.start = start;
  }

  static TomlSection root(String file, TomlTable table) {
    return new TomlSection(file, table, "", "at the top level", null);
  }

  String file() {
    return file;
  }

  /** "in [agents]", "in [[chassis.racks]]" or "at the top level", for messages. */
  String where() {
    return where;
  }

  /** Rejects keys not listed, the first one in the file first. */
  void allowOnly(String... allowed) throws ConfigException {
    List<String> known = Arrays.asList(allowed);
    Optional<String> unknown =
        table.keySet().stream()
            .filter(key -> !known.contains(key))
            .min(Comparator.comparing(this::line).thenComparing(this::column));
    if (unknown.isPresent()) {
      String key = unknown.get();
      throw error(
          key, "unknown key '" + key + "' " + where + "; allowed: " + String.join(", ", allowed));
    }
  }

  boolean has(String key) {
    return table.contains(List.of(key));
  }

  Optional<String> optionalString(String key) throws ConfigException {
    Object value = table.get(List.of(key));
    if (value == null) return Optional.empty();
    if (!(value instanceof String text)) throw wrongType(key, value, "a string");
    if (text.isBlank()) throw error(key, "'" + key + "' must not be empty");
    return Optional.of(text);
  }

  String string(String key) throws ConfigException {
    return optionalString(key).orElseThrow(() -> missing(key, "a string"));
  }

  long integer(String key, long min, long max) throws ConfigException {
    if (!has(key)) throw missing(key, "an integer");
    return integer(key, 0, min, max);
  }

  long integer(String key, long fallback, long min, long max) throws ConfigException {
    Object value = table.get(List.of(key));
    if (value == null) return fallback;
    if (!(value instanceof Long number)) throw wrongType(key, value, "an integer");
    if (number < min || number > max) {
      String range =
          max == Long.MAX_VALUE || max == Integer.MAX_VALUE
              ? "at least " + min
              : "between " + min + " and " + max;
      throw error(key, "'" + key + "' must be " + range + ", not " + number);
    }
    return number;
  }

  Duration millis(String key, Duration fallback, long minMillis) throws ConfigException {
    return Duration.ofMillis(integer(key, fallback.toMillis(), minMillis, Long.MAX_VALUE));
  }

  /** A float or an integer greater than zero: nobody should have to write 200.0. */
  double positive(String key, double fallback) throws ConfigException {
    Object value = table.get(List.of(key));
    if (value == null) return fallback;
    if (!(value instanceof Number number)) throw wrongType(key, value, "a number");
    double result = number.doubleValue();
    if (!(result > 0) || Double.isInfinite(result)) {
      throw error(key, "'" + key + "' must be a number greater than 0, not " + value);
    }
    return result;
  }

  /** One of an enum's spellings; fallback null makes the key required. */
  <E extends Enum<E>> E choice(String key, E[] values, Function<E, String> spelling, E fallback)
      throws ConfigException {
    String allowed =
        Arrays.stream(values)
            .map(v -> '"' + spelling.apply(v) + '"')
            .collect(Collectors.joining(", "));
    Optional<String> text = optionalString(key);
    if (text.isEmpty() && fallback != null) return fallback;
    if (text.isEmpty()) throw missing(key, "one of " + allowed);
    for (E value : values) if (spelling.apply(value).equals(text.get())) return value;
    throw error(key, "'" + key + "' must be one of " + allowed + ", not \"" + text.get() + '"');
  }

  /** A sub-table such as [agents], if present. */
  Optional<TomlSection> table(String key) throws ConfigException {
    Object value = table.get(List.of(key));
    String child = childPath(key);
    if (value == null) return Optional.empty();
    if (!(value instanceof TomlTable inner)) throw wrongType(key, value, "a table [" + child + "]");
    return Optional.of(new TomlSection(file, inner, child, "in [" + child + "]", position(key)));
  }

  /** The elements of an array of tables such as [[chassis]]; empty when absent. */
  List<TomlSection> tables(String key) throws ConfigException {
    Object value = table.get(List.of(key));
    String child = childPath(key);
    if (value == null) return List.of();
    if (!(value instanceof TomlArray array) || !onlyTables(array)) {
      throw wrongType(key, value, "an array of tables [[" + child + "]]");
    }
    List<TomlSection> sections = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      sections.add(
          new TomlSection(
              file, array.getTable(i), child, "in [[" + child + "]]", array.inputPositionOf(i)));
    }
    return sections;
  }

  /** An error at the key's line, or at this table's header when the key is absent. */
  ConfigException error(String key, String what) {
    TomlPosition at = position(key);
    return at == null ? here(what) : ConfigException.inFile(file, at.line(), at.column(), what);
  }

  /** An error at this table's header. */
  ConfigException here(String what) {
    return start == null
        ? ConfigException.ofFile(file, what, null)
        : ConfigException.inFile(file, start.line(), start.column(), what);
  }

  /** The line of a key, or of this table's header when the key is absent (0 for the top). */
  int line(String key) {
    TomlPosition at = has(key) ? position(key) : start;
    return at == null ? 0 : at.line();
  }

  private int column(String key) {
    return position(key).column();
  }

  private TomlPosition position(String key) {
    return has(key) ? table.inputPositionOf(List.of(key)) : null;
  }

  private static boolean onlyTables(TomlArray array) {
    for (int i = 0; i < array.size(); i++) if (!(array.get(i) instanceof TomlTable)) return false;
    return true;
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private ConfigException missing(String key, String expected) {
    return here("missing key '" + key + "' " + where + " (" + expected + ")");
  }

  private ConfigException wrongType(String key, Object value, String expected) {
    return error(key, "'" + key + "' must be " + expected + ", not " + TomlTypes.describe(value));
  }
}
