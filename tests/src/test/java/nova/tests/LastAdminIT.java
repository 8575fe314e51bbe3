package nova.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nova.web.auth.Access;
import nova.web.auth.AccessRequests;
import nova.web.auth.ActiveKeys;
import nova.web.auth.AdminUserDao;
import nova.web.auth.Caller;
import nova.web.auth.Role;
import nova.web.auth.SecurityLog;
import nova.web.auth.SessionCookie;
import nova.web.errors.RefusalMapper;
import nova.web.platform.Database;
import nova.workflows.failures.Refusal;
import nova.workflows.failures.TransitionRefused;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nova always keeps one admin, even when two admins demote or remove each other at the same moment.
 */
class LastAdminIT {
  private static final Caller SECRET =
      new Caller(Role.ADMIN, "admin-secret", null, null, false, null);
  private static Database database;
  private static Jdbi jdbi;
  private static Access access;

  @BeforeAll
  static void ownDatabase() {
    database = Fixtures.freshDatabase("nova_last_admin_it");
    jdbi = database.jdbi();
    access =
        new Access(
            jdbi,
            new ActiveKeys(jdbi),
            new SessionCookie(() -> new byte[32], jdbi, Duration.ofHours(8), Duration.ofHours(24)),
            new SecurityLog(jdbi, new ObjectMapper()));
  }

  @AfterAll
  static void close() {
    database.stop();
  }

  @BeforeEach
  void nobody() {
    jdbi.useHandle(h -> h.execute("DELETE FROM admin_users"));
  }

  @Test
  void theLastAdminCanNeitherBecomeAViewerNorBeRemoved() {
    UUID admin =
        access
            .createUser(SECRET, new AccessRequests.NewUser("only-admin", "long enough pw", "admin"))
            .id();
    UUID viewer =
        access
            .createUser(SECRET, new AccessRequests.NewUser("a-viewer", "long enough pw", "viewer"))
            .id();

    assertRefused(
        () -> access.changeRole(SECRET, admin, "viewer"), "'only-admin' is the last admin");
    assertRefused(() -> access.removeUser(SECRET, admin), "'only-admin' is the last admin");
    assertThat(role(admin)).isEqualTo("admin");

    access.changeRole(SECRET, viewer, "admin");
    access.changeRole(SECRET, admin, "viewer");
    assertThat(role(admin)).isEqualTo("viewer");
    assertThat(role(viewer)).isEqualTo("admin");
  }

  @Test
  void noOneChangesTheirOwnRoleOrRemovesThemselves() {
    UUID me =
        access.createUser(SECRET, new AccessRequests.NewUser("me", "long enough pw", "admin")).id();
    access.createUser(SECRET, new AccessRequests.NewUser("other", "long enough pw", "admin"));
    Caller self = new Caller(Role.ADMIN, "admin:me", me, null, true, "csrf");

    assertRefused(() -> access.changeRole(self, me, "viewer"), "you can't change your own role");
    assertRefused(() -> access.removeUser(self, me), "you can't remove yourself");
    assertRefused(
        () -> access.setPassword(self, me, "a new password"), "the account page does that");
    assertThat(role(me)).isEqualTo("admin");
  }

  @Test
  void twoAdminsRemovingEachOtherAtOnceLeaveOne() throws Exception {
    AdminUserDao users = jdbi.onDemand(AdminUserDao.class);
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (int round = 0; round < 25; round++) {
        jdbi.useHandle(h -> h.execute("DELETE FROM admin_users"));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        users.insert(a, "a" + round, "not-a-hash", "admin");
        users.insert(b, "b" + round, "not-a-hash", "admin");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> removals = new ArrayList<>();
        for (UUID victim : List.of(a, b)) {
          removals.add(
              pool.submit(
                  () -> {
                    go.await();
                    try {
                      access.removeUser(SECRET, victim);
                      return true;
                    } catch (TransitionRefused refused) {
                      assertThat(RefusalMapper.statusOf(refused)).isEqualTo(409);
                      return false;
                    }
                  }));
        }
        go.countDown();
        int removed = 0;
        for (Future<Boolean> removal : removals) removed += removal.get() ? 1 : 0;
        assertThat(removed).as("round %d", round).isEqualTo(1);
        assertThat(users.all())
            .as("round %d", round)
            .singleElement()
            .satisfies(u -> assertThat(u.role()).isEqualTo("admin"));
      }
    }
  }

  private static String role(UUID id) {
    return jdbi.onDemand(AdminUserDao.class).byId(id).orElseThrow().role();
  }

  private static void assertRefused(Runnable action, String message) {
    assertThatThrownBy(action::run)
        .isInstanceOf(TransitionRefused.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(RefusalMapper.statusOf((Refusal) e)).isEqualTo(409));
  }
}
