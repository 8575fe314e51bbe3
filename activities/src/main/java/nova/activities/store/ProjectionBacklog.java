package nova.activities.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task changes this process's worker could not store yet and is retrying: which task, since
 * when, how many attempts, the last error. The health page shows them and each attempt is logged,
 * so a projection never retries in silence.
 */
final class ProjectionBacklog {
  private static final Logger LOG = LoggerFactory.getLogger(ProjectionBacklog.class);

  private final Map<UUID, WaitingProjection> waiting = new ConcurrentHashMap<>();

  void failed(UUID taskId, long seq, RuntimeException e) {
    // the kind of failure only: a driver's message can carry the statement's values, the task's own
    // text
    WaitingProjection now =
        waiting.merge(
            taskId,
            new WaitingProjection(taskId, seq, Instant.now(), 1, kind(e)),
            (before, latest) ->
                new WaitingProjection(
                    taskId, seq, before.since(), before.attempts() + 1, latest.error()));
    LOG.warn(
        "task {} change {} is not stored yet (attempt {}, waiting {} s); retrying: {}",
        taskId,
        seq,
        now.attempts(),
        Duration.between(now.since(), Instant.now()).toSeconds(),
        e.toString());
  }

  private static String kind(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root == e
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
  }

  void stored(UUID taskId) {
    WaitingProjection was = waiting.remove(taskId);
    if (was != null) {
      LOG.warn(
          "task {} change {} stored after {} attempts over {} s",
          taskId,
          was.seq(),
          was.attempts() + 1,
          Duration.between(was.since(), Instant.now()).toSeconds());
    }
  }

  /** Oldest first. */
  public List<WaitingProjection> waiting() {
    return waiting.values().stream()
        .sorted(Comparator.comparing(WaitingProjection::since))
        .toList();
  }
}
