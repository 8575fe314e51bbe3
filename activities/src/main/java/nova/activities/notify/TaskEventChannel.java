package nova.activities.notify;

/** The Redis pub/sub channel on which every stored task event is announced. */
public final class TaskEventChannel {
  public static final String NAME = "nova:task-events";

  private TaskEventChannel() {}
}
