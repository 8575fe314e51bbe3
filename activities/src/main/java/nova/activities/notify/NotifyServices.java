package nova.activities.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import nova.workflows.task.NotifyActivities;
import redis.clients.jedis.UnifiedJedis;

/**
 * The door to live notices: the activity that appends each task change to a Redis stream, which
 * every server's live-event hub reads.
 */
public final class NotifyServices {
  /** The Redis stream of task notices, each a {@link TaskEventNotice} as JSON. */
  public static final String CHANNEL = TaskEventChannel.NAME;

  private final UnifiedJedis redis;
  private final ObjectMapper json;

  public NotifyServices(UnifiedJedis redis, ObjectMapper json) {
    this.redis = redis;
    this.json = json;
  }

  public NotifyActivities activities() {
    return new NotifyActivitiesImpl(redis, json);
  }
}
