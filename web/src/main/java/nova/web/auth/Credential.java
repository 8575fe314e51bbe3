package nova.web.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What a long-lived request (an event stream) was opened with: a session's id or an API key's. The
 * admin secret has neither and is checked only when it is sent.
 */
public record Credential(String sessionId, UUID keyId) {
  public static final Credential NONE = new Credential(null, null);

  /** Of these credentials, the ones still good now: sessions open, keys not revoked. */
  public static Set<Credential> stillValid(
      Collection<Credential> held, SessionCookie sessions, Jdbi jdbi) {
    List<String> sessionIds =
        held.stream().map(Credential::sessionId).filter(Objects::nonNull).toList();
    List<UUID> keyIds = held.stream().map(Credential::keyId).filter(Objects::nonNull).toList();
    Set<String> open = sessions.stillOpen(sessionIds, Instant.now());
    Set<UUID> active =
        keyIds.isEmpty()
            ? Set.of()
            : new HashSet<>(
                jdbi.withExtension(
                    ApiKeyDao.class, dao -> dao.activeOf(keyIds.toArray(UUID[]::new))));
    Set<Credential> valid = new HashSet<>();
    for (Credential c : held) {
      if ((c.sessionId() != null && open.contains(c.sessionId()))
          || (c.keyId() != null && active.contains(c.keyId()))) valid.add(c);
    }
    return valid;
  }
}
