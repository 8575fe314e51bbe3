package nova.activities.notify;

/**
 * The Redis stream on which every stored task event is announced. A stream, not pub/sub: each entry
 * has an id that a page's event stream carries as its SSE id, so a page that reconnects (to this
 * server or another, after a restart or an outage) asks for what it missed.
 */
final class TaskEventChannel {
  public static final String NAME = "nova:task-events";

  /** Entries kept (trimmed approximately): about a day of a busy team's events. */
  public static final long KEEP = 10_000;

  private TaskEventChannel() {}
}
