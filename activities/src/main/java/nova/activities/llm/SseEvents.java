package nova.activities.llm;

/**
 * Server-sent events (the WHATWG event-stream format) over the lines of a streamed answer: {@code
 * event:} names, {@code data:} lines joined by newlines, comments skipped, a blank line ends an
 * event.
 */
final class SseEvents implements AutoCloseable {
  record Event(String name, String data) {}

  private final LineStream lines;

  SseEvents(LineStream lines) {
    this.lines = lines;
  }

  /**
   * The next event, or null when the body ends (an unterminated last event is dropped, as browsers
   * do).
   */
  Event next() {
    String name = "message";
    StringBuilder data = null;
    for (String line = lines.next(); line != null; line = lines.next()) {
      if (line.isEmpty()) {
        if (data != null) return new Event(name, data.toString());
        name = "message";
        continue;
      }
      if (line.startsWith(":")) continue;
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value =
          colon < 0 ? "" : line.substring(colon + (line.startsWith(": ", colon) ? 2 : 1));
      if (field.equals("event")) {
        name = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    return null;
  }

  @Override
  public void close() {
    lines.close();
  }
}
