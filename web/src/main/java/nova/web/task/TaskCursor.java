package nova.web.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nova.web.errors.ApiException;

/**
 * Where a page of tasks (newest change first) ended: the last task's change time and id. Lists go
 * on from there by index (keyset paging), so a page costs the same however deep it is, and tasks
 * that change meanwhile move to the front instead of shifting every later page.
 */
public record TaskCursor(Instant updatedAt, UUID id) {
  public static TaskCursor after(TaskDao.Task last) {
    return new TaskCursor(last.updatedAt(), last.id());
  }

  /** The opaque form handed to clients. */
  public String encode() {
    long micros =
        Math.addExact(
            Math.multiplyExact(updatedAt.getEpochSecond(), 1_000_000L),
            updatedAt.getNano() / 1_000);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((micros + "_" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** Null for no cursor (the first page); 400 for anything this API did not hand out. */
  public static TaskCursor decode(String cursor) {
    if (cursor == null || cursor.isBlank()) return null;
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8)
              .split("_", 2);
      long micros = Long.parseLong(parts[0]);
      return new TaskCursor(
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
          UUID.fromString(parts[1]));
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw ApiException.badRequest(
          "cursor '"
              + cursor
              + "' is not one this API handed out; pass the cursor from a Link header's"
              + " rel=\"next\" URL, or none for the first page");
    }
  }

  OffsetDateTime at() {
    return updatedAt.atOffset(ZoneOffset.UTC);
  }

  /** The cursor for the page after this one, if the page was full. */
  static String next(List<TaskDao.Task> page, int limit) {
    return page.size() < limit || page.isEmpty() ? null : after(page.getLast()).encode();
  }
}
