package nova.conductor.config;

/**
 * A configuration file or an allocation that cannot be used. The message alone tells a person where
 * and what: {@code file:line:column: what is wrong; what is allowed}, or {@code allocation 'text':
 * position N: what was expected}.
 */
public final class ConfigException extends Exception {
  private final int line;
  private final int column;
  private final int position;

  private ConfigException(String message, Throwable cause, int line, int column, int position) {
    super(message, cause);
    this.line = line;
    this.column = column;
    this.position = position;
  }

  public ConfigException(String message) {
    this(message, null, 0, 0, 0);
  }

  /** A problem at a place in a file; column 0 when only the line is known. */
  static ConfigException inFile(String file, int line, int column, String what) {
    String where = column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    return new ConfigException(where + ": " + what, null, line, column, 0);
  }

  /** A problem with a whole file, such as a missing table or a file that cannot be read. */
  static ConfigException ofFile(String file, String what, Throwable cause) {
    return new ConfigException(file + ": " + what, cause, 0, 0, 0);
  }

  /** A problem at a 1-based character position of an allocation. */
  static ConfigException inAllocation(String text, int position, String what) {
    return new ConfigException(
        "allocation '" + text + "': position " + position + ": " + what, null, 0, 0, position);
  }

  /** A problem with an allocation as a whole, such as its number of groups. */
  static ConfigException ofAllocation(String text, String what) {
    return new ConfigException("allocation '" + text + "': " + what, null, 0, 0, 0);
  }

  /** The 1-based line in the file, or 0 when the problem has no line. */
  public int line() {
    return line;
  }

  /** The 1-based column in the file, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** The 1-based character position in the allocation, or 0 when the problem has no position. */
  public int position() {
    return position;
  }
}
