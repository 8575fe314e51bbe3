package nova.tests;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import nova.activities.store.TaskStoreServices;
import nova.web.platform.Database;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.TaskStoreActivities;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskEventType;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The projection activity against the real PostgreSQL, for one new task of a project with an agent
 * server: what its tests share.
 */
abstract class ProjectionFixture {
  final Fixtures.Agent agent = Fixtures.agent(true);
  final String projectId = Fixtures.projectId(agent.projectName());
  final UUID task = UUID.randomUUID();
  Database database;
  Jdbi jdbi;
  TaskStoreActivities store;

  @BeforeEach
  void connect() {
    database = Fixtures.database();
    jdbi = database.jdbi();
    store = new TaskStoreServices(jdbi, new ObjectMapper()).activities();
  }

  @AfterEach
  void disconnect() {
    database.stop();
  }

  static int count(Jdbi jdbi, String table, UUID task) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM " + table + " WHERE task_id = :id")
                .bind("id", task)
                .mapTo(Integer.class)
                .one());
  }

  /** An event of this fixture's task, by "test" at 1,000 ms unless told otherwise. */
  Event event(long seq, TaskEventType type, TaskStatus from, TaskStatus to) {
    return new Event(task, seq, type, from, to);
  }

  /** A TaskChange written the short way: only what differs from the defaults is named. */
  static final class Event {
    private final UUID task;
    private final long seq;
    private final TaskEventType type;
    private final TaskStatus from;
    private final TaskStatus to;
    private String actor = "test";
    private UUID server;
    private String text;
    private UUID intervention;
    private boolean urgent;
    private long at = 1_000;
    private String requestId;
    private long workflowTask;

    private Event(UUID task, long seq, TaskEventType type, TaskStatus from, TaskStatus to) {
      this.task = task;
      this.seq = seq;
      this.type = type;
      this.from = from;
      this.to = to;
    }

    Event by(String who) {
      actor = who;
      return this;
    }

    Event server(UUID id) {
      server = id;
      return this;
    }

    Event text(String words) {
      text = words;
      return this;
    }

    Event about(UUID id) {
      intervention = id;
      return this;
    }

    Event urgent() {
      urgent = true;
      return this;
    }

    Event at(long millis) {
      at = millis;
      return this;
    }

    Event workflowTask(long historyLength) {
      return request(null, historyLength);
    }

    /** The Idempotency-Key's update id and the workflow task that wrote the event. */
    Event request(String id, long historyLength) {
      requestId = id;
      workflowTask = historyLength;
      return this;
    }

    TaskChange change() {
      return new TaskChange(
          task,
          seq,
          type,
          from,
          to,
          actor,
          server,
          text,
          intervention,
          urgent,
          at,
          requestId,
          workflowTask);
    }
  }
}
