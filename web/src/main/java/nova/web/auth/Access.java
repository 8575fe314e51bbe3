package nova.web.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nova.workflows.failures.NameTaken;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.TransitionRefused;
import org.jdbi.v3.core.Jdbi;

/** API keys and admin users, for the API and the admin app alike. */
public final class Access {
  private final Jdbi jdbi;
  private final ActiveKeys activeKeys;
  private final SessionCookie sessions;
  private final SecurityLog audit;

  public Access(Jdbi jdbi, ActiveKeys activeKeys, SessionCookie sessions, SecurityLog audit) {
    this.jdbi = jdbi;
    this.activeKeys = activeKeys;
    this.sessions = sessions;
    this.audit = audit;
  }

  /** The one time a key's secret is shown. */
  public record CreatedKey(UUID id, String name, String role, String prefix, String key) {}

  public record UserView(UUID id, String username, String role, Instant createdAt) {}

  public List<ApiKeyDao.Key> keys(Caller caller) {
    caller.requireHuman();
    return keys().all();
  }

  public CreatedKey createKey(Caller caller, AccessRequests.NewKey request) {
    caller.requireAdmin();
    String role = request.role() == null ? Role.ADMIN.wireName() : request.role();
    ApiKeys.NewKey key = ApiKeys.generate();
    keys()
        .insert(
            key.id(), request.name().trim(), key.prefix(), key.hash(), role, null, caller.actor());
    audit.record(
        "key_created",
        caller,
        Map.of(
            "key_id",
            key.id().toString(),
            "name",
            request.name().trim(),
            "role",
            role,
            "prefix",
            key.prefix()));
    return new CreatedKey(key.id(), request.name().trim(), role, key.prefix(), key.secret());
  }

  public void revokeKey(Caller caller, UUID id) {
    caller.requireAdmin();
    ApiKeyDao.Key key = keys().byId(id).orElseThrow(() -> new NotFound("API key", id));
    if (key.revokedAt() != null)
      throw new TransitionRefused(
          "API key " + id + " is revoked already", Map.of("id", id.toString()));
    keys().revoke(id);
    activeKeys.forget(id);
    audit.record("key_revoked", caller, Map.of("key_id", id.toString(), "name", key.name()));
  }

  public List<UserView> users(Caller caller) {
    caller.requireHuman();
    return jdbi.onDemand(AdminUserDao.class).all().stream().map(Access::view).toList();
  }

  public UserView createUser(Caller caller, AccessRequests.NewUser request) {
    caller.requireAdmin();
    UUID id = UUID.randomUUID();
    if (jdbi.onDemand(AdminUserDao.class)
            .insert(id, request.username(), Passwords.hash(request.password()), request.role())
        == 0) {
      throw new NameTaken(
          "user '" + request.username() + "' exists already",
          Map.of("username", request.username()));
    }
    audit.record(
        "user_created",
        caller,
        Map.of("user_id", id.toString(), "username", request.username(), "role", request.role()));
    return new UserView(id, request.username(), request.role(), Instant.now());
  }

  /** Makes a user admin or viewer; takes effect on their next request, sessions included. */
  public UserView changeRole(Caller caller, UUID id, String role) {
    caller.requireAdmin();
    refuseSelf(caller, id, "change your own role");
    return jdbi.inTransaction(
        handle -> {
          AdminUserDao users = handle.attach(AdminUserDao.class);
          List<UUID> admins = users.lockAdmins();
          AdminUserDao.User user = users.byId(id).orElseThrow(() -> new NotFound("user", id));
          if (!Role.ADMIN.wireName().equals(role)) keepAnAdmin(admins, user, "become a viewer");
          users.setRole(id, role);
          audit.record(
              "user_role_changed",
              caller,
              Map.of(
                  "user_id",
                  id.toString(),
                  "username",
                  user.username(),
                  "from",
                  user.role(),
                  "to",
                  role));
          return new UserView(id, user.username(), role, user.createdAt());
        });
  }

  /**
   * Sets another person's password (they forgot theirs, or it leaked) and ends all of their
   * sessions.
   */
  public UserView setPassword(Caller caller, UUID id, String password) {
    caller.requireAdmin();
    refuseSelf(
        caller,
        id,
        "set your own password here; the account page does that, with your current password");
    AdminUserDao users = jdbi.onDemand(AdminUserDao.class);
    AdminUserDao.User user = users.byId(id).orElseThrow(() -> new NotFound("user", id));
    Instant now = Instant.now();
    if (users.changePassword(id, Passwords.hash(password), now) == 0)
      throw new NotFound("user", id);
    sessions.endAll(id, now);
    audit.record(
        "user_password_set", caller, Map.of("user_id", id.toString(), "username", user.username()));
    return view(user);
  }

  /** Removes a person: their sessions end at once, their open event streams close. */
  public UserView removeUser(Caller caller, UUID id) {
    caller.requireAdmin();
    refuseSelf(caller, id, "remove yourself");
    List<String> ended = new ArrayList<>();
    UserView removed =
        jdbi.inTransaction(
            handle -> {
              AdminUserDao users = handle.attach(AdminUserDao.class);
              List<UUID> admins = users.lockAdmins();
              AdminUserDao.User user = users.byId(id).orElseThrow(() -> new NotFound("user", id));
              keepAnAdmin(admins, user, "be removed");
              ended.addAll(handle.attach(SessionDao.class).revokeAll(id, Instant.now()));
              users.delete(id);
              return view(user);
            });
    sessions.ended(ended);
    audit.record(
        "user_removed", caller, Map.of("user_id", id.toString(), "username", removed.username()));
    return removed;
  }

  private static UserView view(AdminUserDao.User user) {
    return new UserView(user.id(), user.username(), user.role(), user.createdAt());
  }

  private static void refuseSelf(Caller caller, UUID id, String what) {
    if (id.equals(caller.userId())) {
      throw new TransitionRefused(
          "you can't " + what + "; another admin can", Map.of("id", id.toString()));
    }
  }

  private static void keepAnAdmin(List<UUID> admins, AdminUserDao.User user, String what) {
    if (admins.size() == 1 && admins.contains(user.id())) {
      throw new TransitionRefused(
          "'"
              + user.username()
              + "' is the last admin and can't "
              + what
              + "; make another user admin first",
          Map.of("id", user.id().toString()));
    }
  }

  private ApiKeyDao keys() {
    return jdbi.onDemand(ApiKeyDao.class);
  }
}
