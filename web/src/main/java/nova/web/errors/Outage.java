package nova.web.errors;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nova.workflows.failures.Unavailable;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A failure that means a part Nova needs (PostgreSQL, Redis or Temporal) did not answer: it becomes
 * a 503 that names the part and says when to try again, never a 500 or a 409.
 */
public final class Outage {
  public static final String POSTGRESQL = "postgresql";
  public static final String REDIS = "redis";
  public static final String TEMPORAL = "temporal";
  public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private Outage() {}

  /** The part whose outage caused this failure, if any; looks through the whole cause chain. */
  public static Optional<String> partOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JedisConnectionException) return Optional.of(REDIS);
      if (t instanceof WorkflowUpdateTimeoutOrCancelledException) return Optional.of(TEMPORAL);
      if (t instanceof StatusRuntimeException grpc && unreachable(grpc.getStatus().getCode()))
        return Optional.of(TEMPORAL);
      if (t instanceof SQLException sql && lostConnection(sql)) return Optional.of(POSTGRESQL);
    }
    return Optional.empty();
  }

  private static boolean unreachable(Status.Code code) {
    return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
  }

  /** SQLSTATE class 08 (connection exception) and 57P0x (the server shut down or is starting). */
  private static boolean lostConnection(SQLException sql) {
    String state = sql.getSQLState();
    if (state == null)
      return sql instanceof SQLTransientConnectionException
          || sql instanceof SQLNonTransientConnectionException;
    return state.startsWith("08") || state.startsWith("57P0");
  }

  /** The part is not answering; {@code detail} adds what the caller needs to retry safely. */
  public static Unavailable unavailable(String part, String doing, Map<String, Object> detail) {
    String message =
        name(part)
            + " is not answering, so "
            + doing
            + "; try again in "
            + RETRY_AFTER.toSeconds()
            + " s";
    return new Unavailable(part, message, detail, RETRY_AFTER);
  }

  public static Unavailable unavailable(String part) {
    return unavailable(part, "Nova cannot answer this request now", Map.of());
  }

  /**
   * Reads the answer to an action that Temporal has applied: if the read fails for an outage, the
   * 503 says the action is applied, so the caller repeats it (same Idempotency-Key) instead of
   * doubting it.
   */
  public static <T> T afterApplied(Supplier<T> read) {
    return afterApplied(read, Map.of());
  }

  /** The same, with what the caller needs to find the result later (a created task's id). */
  public static <T> T afterApplied(Supplier<T> read, Map<String, Object> detail) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      String part = partOf(e).orElseThrow(() -> e);
      Map<String, Object> all = new LinkedHashMap<>(detail);
      all.put("accepted", true);
      throw unavailable(part, "the action is applied but its result cannot be read now", all);
    }
  }

  public static String name(String part) {
    return switch (part) {
      case POSTGRESQL -> "PostgreSQL";
      case REDIS -> "Redis";
      case TEMPORAL -> "Temporal";
      default -> part;
    };
  }
}
