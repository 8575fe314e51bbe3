package nova.web.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import nova.web.errors.ApiException;
import org.junit.jupiter.api.Test;

/** Keyset paging's cursor: opaque to clients, exact to the microsecond, and 400 when forged. */
class TaskCursorTest {
  @Test
  void aCursorComesBackAsItWentOut() {
    TaskCursor cursor =
        new TaskCursor(Instant.parse("2026-12-06T08:00:00.123456Z"), UUID.randomUUID());
    assertThat(TaskCursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThat(cursor.encode()).doesNotContain("2026").doesNotContain("=");
  }

  @Test
  void noCursorIsTheFirstPage() {
    assertThat(TaskCursor.decode(null)).isNull();
    assertThat(TaskCursor.decode(" ")).isNull();
  }

  @Test
  void aCursorThisApiDidNotHandOutIs400() {
    for (String forged : new String[] {"garbage", "bm90LWEtY3Vyc29y", "MTIzX25vdC1hLXV1aWQ"})
      assertThatThrownBy(() -> TaskCursor.decode(forged))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("is not one this API handed out");
  }
}
