package nova.web.ui;

import java.util.UUID;
import nova.workflows.task.TaskAction;

/** The admin app's paths, used by resources and imported by templates, never retyped. */
public final class Routes {
  // The admin app. A path with {parameters} is a template: JAX-RS matches it in @Path, and the
  // method of the same name below fills it in for links.
  public static final String BOARD = "/";
  public static final String BOARD_COLUMNS = "/parts/board";
  public static final String LOGIN = "/login";
  public static final String LOGOUT = "/logout";
  public static final String TASKS = "/tasks";
  public static final String TASK = TASKS + "/{id}";
  public static final String TASK_MAIN = TASK + "/parts/main";
  public static final String TASK_ACTION = TASK + "/actions/{action}";
  public static final String PROJECTS = "/projects";
  public static final String TOKENS = PROJECTS + "/tokens";
  public static final String KEYS = "/keys";
  public static final String KEY_REVOKE = KEYS + "/{id}/revoke";
  public static final String USERS = "/users";
  public static final String USER_ROLE = USERS + "/{id}/role";
  public static final String USER_PASSWORD = USERS + "/{id}/password";
  public static final String USER_REMOVE = USERS + "/{id}/remove";
  public static final String SECURITY = "/security";
  public static final String TEMPORAL_UI = "/temporal";
  public static final String ACCOUNT = "/account";
  public static final String ACCOUNT_PASSWORD = ACCOUNT + "/password";
  public static final String ACCOUNT_SESSIONS = ACCOUNT + "/sessions/revoke";
  public static final String EVENTS = "/events";
  public static final String PROVIDERS = "/providers";
  public static final String PROVIDER_REMOVE = PROVIDERS + "/{name}/remove";
  public static final String PROVIDER_TOGGLE = PROVIDERS + "/{name}/toggle";
  public static final String ALIASES = PROVIDERS + "/aliases";
  public static final String ALIAS_REMOVE = ALIASES + "/{name}/remove";
  public static final String USAGE = "/usage";
  public static final String AGENTS = "/agents";
  public static final String AGENT_CONFIG = AGENTS + "/{id}/config";
  public static final String AGENT_REMOVE = AGENTS + "/{id}/remove";
  public static final String PODS = AGENTS + "/pods";
  public static final String POD = PODS + "/{id}";
  public static final String POD_REMOVE = POD + "/remove";
  public static final String CHAT = "/chat";
  public static final String MEMORIES = "/memories";
  public static final String MEMORY_RESULTS = MEMORIES + "/parts/results";
  public static final String MEMORY_MODEL = MEMORIES + "/parts/model";
  public static final String MEMORY_SWITCH = MEMORIES + "/switch";
  public static final String MEMORY_SWITCH_CANCEL = MEMORY_SWITCH + "/cancel";
  public static final String MEMORY_DELETE = MEMORIES + "/{id}/delete";
  public static final String ASSETS = "/assets";
  public static final String CHAT_SCRIPT = ASSETS + "/chat.js";
  public static final String HTMX = ASSETS + "/htmx.min.js";
  public static final String SCRIPT = ASSETS + "/nova.js";
  public static final String STYLE = ASSETS + "/nova.css";

  // The APIs' roots.
  public static final String API = "/api/v1";
  public static final String SERVER_API = API + "/server";

  /** Under {@link #API}: where a server trades its registration token for an agent key. */
  public static final String SERVER_REGISTER = "/server/register";

  public static final String CHAT_STREAM = API + "/chat/stream";
  public static final String OPENAI = "/v1";
  public static final String HEALTH = "/health";

  private Routes() {}

  public static String task(UUID id) {
    return fill(TASK, id);
  }

  public static String taskMain(UUID id) {
    return fill(TASK_MAIN, id);
  }

  public static String taskAction(UUID id, TaskAction action) {
    return fill(TASK_ACTION, id, action.wireName());
  }

  public static String removeProvider(String name) {
    return fill(PROVIDER_REMOVE, name);
  }

  public static String toggleProvider(String name) {
    return fill(PROVIDER_TOGGLE, name);
  }

  public static String removeAgent(UUID id) {
    return fill(AGENT_REMOVE, id);
  }

  public static String configureAgent(UUID id) {
    return fill(AGENT_CONFIG, id);
  }

  public static String changePod(UUID id) {
    return fill(POD, id);
  }

  public static String removePod(UUID id) {
    return fill(POD_REMOVE, id);
  }

  public static String removeAlias(String name) {
    return fill(ALIAS_REMOVE, name);
  }

  public static String deleteMemory(UUID id) {
    return fill(MEMORY_DELETE, id);
  }

  public static String revokeKey(UUID id) {
    return fill(KEY_REVOKE, id);
  }

  public static String userRole(UUID id) {
    return fill(USER_ROLE, id);
  }

  public static String userPassword(UUID id) {
    return fill(USER_PASSWORD, id);
  }

  public static String removeUser(UUID id) {
    return fill(USER_REMOVE, id);
  }

  /** The template with its {parameters} replaced, in order, by the values as they are. */
  static String fill(String template, Object... values) {
    StringBuilder path = new StringBuilder();
    int from = 0;
    for (Object value : values) {
      int open = template.indexOf('{', from);
      int close = template.indexOf('}', open);
      if (open < 0 || close < 0)
        throw new IllegalArgumentException(template + " has fewer parameters than values");
      path.append(template, from, open).append(value);
      from = close + 1;
    }
    if (template.indexOf('{', from) >= 0)
      throw new IllegalArgumentException(template + " has more parameters than values");
    return path.append(template.substring(from)).toString();
  }
}
