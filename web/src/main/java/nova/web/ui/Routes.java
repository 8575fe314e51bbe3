package nova.web.ui;

import java.util.UUID;
import nova.workflows.task.TaskAction;

/** The admin app's paths, used by resources and imported by templates, never retyped. */
public final class Routes {
  public static final String BOARD = "/";
  public static final String BOARD_COLUMNS = "/parts/board";
  public static final String LOGIN = "/login";
  public static final String LOGOUT = "/logout";
  public static final String TASKS = "/tasks";
  public static final String PROJECTS = "/projects";
  public static final String TOKENS = "/projects/tokens";
  public static final String KEYS = "/keys";
  public static final String USERS = "/users";
  public static final String SECURITY = "/security";
  public static final String TEMPORAL_UI = "/temporal";
  public static final String ACCOUNT = "/account";
  public static final String ACCOUNT_PASSWORD = "/account/password";
  public static final String ACCOUNT_SESSIONS = "/account/sessions/revoke";
  public static final String EVENTS = "/events";
  public static final String PROVIDERS = "/providers";
  public static final String ALIASES = "/providers/aliases";
  public static final String USAGE = "/usage";
  public static final String AGENTS = "/agents";
  public static final String PODS = "/agents/pods";
  public static final String CHAT = "/chat";
  public static final String MEMORIES = "/memories";
  public static final String MEMORY_RESULTS = "/memories/parts/results";
  public static final String MEMORY_MODEL = "/memories/parts/model";
  public static final String MEMORY_SWITCH = "/memories/switch";
  public static final String MEMORY_SWITCH_CANCEL = "/memories/switch/cancel";
  public static final String CHAT_STREAM = "/api/v1/chat/stream";
  public static final String CHAT_SCRIPT = "/assets/chat.js";
  public static final String HTMX = "/assets/htmx.min.js";
  public static final String SCRIPT = "/assets/nova.js";
  public static final String STYLE = "/assets/nova.css";

  private Routes() {}

  public static String task(UUID id) {
    return TASKS + "/" + id;
  }

  public static String taskMain(UUID id) {
    return task(id) + "/parts/main";
  }

  public static String taskAction(UUID id, TaskAction action) {
    return task(id) + "/actions/" + action.wireName();
  }

  public static String removeProvider(String name) {
    return PROVIDERS + "/" + name + "/remove";
  }

  public static String toggleProvider(String name) {
    return PROVIDERS + "/" + name + "/toggle";
  }

  public static String removeAgent(UUID id) {
    return AGENTS + "/" + id + "/remove";
  }

  public static String configureAgent(UUID id) {
    return AGENTS + "/" + id + "/config";
  }

  public static String changePod(UUID id) {
    return PODS + "/" + id;
  }

  public static String removePod(UUID id) {
    return PODS + "/" + id + "/remove";
  }

  public static String removeAlias(String name) {
    return ALIASES + "/" + name + "/remove";
  }

  public static String deleteMemory(UUID id) {
    return MEMORIES + "/" + id + "/delete";
  }

  public static String revokeKey(UUID id) {
    return KEYS + "/" + id + "/revoke";
  }

  public static String userRole(UUID id) {
    return USERS + "/" + id + "/role";
  }

  public static String userPassword(UUID id) {
    return USERS + "/" + id + "/password";
  }

  public static String removeUser(UUID id) {
    return USERS + "/" + id + "/remove";
  }
}
