package nova.web.ui;

import java.util.UUID;

/** Element ids that htmx swaps and SSE refreshes; each names one part. */
public final class Ids {
  public static final String FLASH = "flash";
  public static final String BOARD_COLUMNS = "board-columns";
  public static final String TASK_MAIN = "task-main";
  public static final String TASK_STATUS = "task-status";
  public static final String SECRET = "shown-once";
  public static final String PROJECT_LIST = "project-list";
  public static final String KEY_LIST = "key-list";
  public static final String USER_LIST = "user-list";
  public static final String PROVIDER_LIST = "provider-list";
  public static final String ALIAS_LIST = "alias-list";
  public static final String AGENT_LIST = "agent-list";
  public static final String CHAT_LOG = "chat-log";
  public static final String MEMORY_RESULTS = "memory-results";
  public static final String MEMORY_MODEL = "memory-model";

  private Ids() {}

  /**
   * The htmx event nova.js raises for a task's SSE event; parts showing that task listen for it.
   */
  public static String taskEvent(UUID id) {
    return "nova:task-" + id;
  }

  public static final String ANY_TASK_EVENT = "nova:task";

  /**
   * Raised when the live stream reconnects: events may have been missed, so every live part
   * reloads.
   */
  public static final String RESYNC = "nova:resync";
}
