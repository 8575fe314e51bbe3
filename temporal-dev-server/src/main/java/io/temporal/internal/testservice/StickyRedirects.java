package io.temporal.internal.testservice;

import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.internal.testservice.TestWorkflowStore.TaskQueueId;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Sends the workflow tasks of a dead worker's sticky queue to the normal queue, as a real cluster
 * does once a sticky queue has no poller. The in-memory server never does: a workflow whose last
 * task ran on a worker that was killed waits on that worker's sticky queue forever, and so does
 * every Update sent to it. Lives in the server's package because its task queues are
 * package-private; the one private field it needs is the store's map of workflow task queues,
 * which it replaces with a map that answers for a redirected queue with the normal one.
 */
public final class StickyRedirects {
  private final Map<TaskQueueId, TaskQueueId> redirects = new ConcurrentHashMap<>();
  private final Queues queues;

  private StickyRedirects(Map<TaskQueueId, TaskQueue<PollWorkflowTaskQueueResponse.Builder>> existing) {
    this.queues = new Queues(existing, redirects);
  }

  /** Installs the redirecting map into the server's store, before the server takes a request. */
  public static StickyRedirects install(TestServicesStarter services) throws ReflectiveOperationException {
    Object store = field(TestServicesStarter.class, "workflowStore").get(services);
    Field map = field(store.getClass(), "workflowTaskQueues");
    @SuppressWarnings("unchecked")
    Map<TaskQueueId, TaskQueue<PollWorkflowTaskQueueResponse.Builder>> existing =
        (Map<TaskQueueId, TaskQueue<PollWorkflowTaskQueueResponse.Builder>>) map.get(store);
    StickyRedirects redirects = new StickyRedirects(existing);
    map.set(store, redirects.queues);
    return redirects;
  }

  /**
   * From now on the sticky queue's tasks go to the normal queue, and the ones already waiting
   * there move over. Called again for the same queue, it moves what arrived in between.
   */
  public void redirect(String namespace, String sticky, String normal) {
    TaskQueueId from = new TaskQueueId(namespace, sticky);
    TaskQueueId to = new TaskQueueId(namespace, normal);
    redirects.put(from, to);
    TaskQueue<PollWorkflowTaskQueueResponse.Builder> target = queues.get(to);
    TaskQueue<PollWorkflowTaskQueueResponse.Builder> stranded = queues.getOwn(from);
    if (target == null || stranded == null) return;
    moveAll(stranded, target);
  }

  /** A worker polls its sticky queue again: it was only slow, so its tasks go to it again. */
  public void restore(String namespace, String sticky) {
    redirects.remove(new TaskQueueId(namespace, sticky));
  }

  public boolean redirected(String namespace, String sticky) {
    return redirects.containsKey(new TaskQueueId(namespace, sticky));
  }

  private static <E> void moveAll(TaskQueue<E> from, TaskQueue<E> to) {
    while (true) {
      Future<E> next = from.poll();
      // An empty queue hands out a waiting future; withdrawing it leaves the queue as it was.
      if (!next.isDone() && next.cancel(true)) return;
      try {
        to.add(next.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** The store's map of workflow task queues, answering for a redirected queue with its target. */
  private static final class Queues extends ConcurrentHashMap<TaskQueueId, TaskQueue<PollWorkflowTaskQueueResponse.Builder>> {
    private final transient Map<TaskQueueId, TaskQueueId> redirects;

    Queues(Map<TaskQueueId, TaskQueue<PollWorkflowTaskQueueResponse.Builder>> existing, Map<TaskQueueId, TaskQueueId> redirects) {
      super(existing);
      this.redirects = redirects;
    }

    @Override
    public TaskQueue<PollWorkflowTaskQueueResponse.Builder> get(Object key) {
      TaskQueueId target = redirects.get(key);
      if (target != null) {
        TaskQueue<PollWorkflowTaskQueueResponse.Builder> normal = super.get(target);
        if (normal != null) return normal;
      }
      return super.get(key);
    }

    TaskQueue<PollWorkflowTaskQueueResponse.Builder> getOwn(TaskQueueId key) {
      return super.get(key);
    }
  }
}
