package nova.activities.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nova.workflows.task.NotifyActivities;
import nova.workflows.task.messages.TaskChange;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends each task event to a Redis stream, from which every Nova server fans it out to open
 * pages.
 */
class NotifyActivitiesImpl implements NotifyActivities {
  private final UnifiedJedis redis;
  private final ObjectMapper json;

  NotifyActivitiesImpl(UnifiedJedis redis, ObjectMapper json) {
    this.redis = redis;
    this.json = json;
  }

  @Override
  public void taskChanged(TaskChange change) {
    TaskEventNotice notice =
        new TaskEventNotice(
            change.taskId(), change.seq(), change.type().wireName(), change.to().wireName());
    try {
      redis.xadd(
          TaskEventChannel.NAME,
          XAddParams.xAddParams().maxLen(TaskEventChannel.KEEP).approximateTrimming(),
          Map.of("notice", json.writeValueAsString(notice)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a notice is ids and strings", e);
    }
  }
}
