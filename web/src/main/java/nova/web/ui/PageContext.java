package nova.web.ui;

import nova.web.auth.Caller;
import nova.web.auth.Role;

/** What the layout needs on every page: who is looking, and which page this is. */
public record PageContext(String title, String active, Caller caller) {
  public boolean canAct() {
    return caller.role() == Role.ADMIN;
  }

  /** The htmx headers every request from the page carries: the session's CSRF token. */
  public String htmxHeaders() {
    return "{\"X-CSRF-Token\": \"" + caller.csrfToken() + "\"}";
  }
}
