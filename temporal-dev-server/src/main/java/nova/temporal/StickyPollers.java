package nova.temporal;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Watches workers poll their sticky queues, so that a queue nobody polls any more can be told
 * apart from a busy one. A worker keeps a long poll open on its sticky queue all the time; one
 * killed with -9 drops its connection, which ends its poll at once.
 */
final class StickyPollers implements ServerInterceptor {
  /** A worker's sticky queue and the normal queue its workflows came from. */
  record StickyQueue(String namespace, String sticky, String normal) {}

  private static final String POLL = WorkflowServiceGrpc.getPollWorkflowTaskQueueMethod().getFullMethodName();
  private final Map<StickyQueue, Polls> queues = new HashMap<>();
  private final LongSupplier nanos;
  private final Listener listener;

  /** Told when a sticky queue is polled again, so that a queue given up on can be taken back. */
  interface Listener {
    void polled(StickyQueue queue);
  }

  StickyPollers(LongSupplier nanos, Listener listener) {
    this.nanos = nanos;
    this.listener = listener;
  }

  private static final class Polls {
    int open;
    long lastEnded;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    if (!call.getMethodDescriptor().getFullMethodName().equals(POLL)) return next.startCall(call, headers);
    var poll = new Object() {
      StickyQueue queue;
      final AtomicBoolean ended = new AtomicBoolean();

      void end() {
        if (queue != null && ended.compareAndSet(false, true)) ended(queue);
      }
    };
    ServerCall<Q, A> watched = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
      @Override
      public void close(Status status, Metadata trailers) {
        poll.end();
        super.close(status, trailers);
      }
    };
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(watched, headers)) {
      @Override
      public void onMessage(Q message) {
        if (message instanceof PollWorkflowTaskQueueRequest request
            && request.getTaskQueue().getKind() == TaskQueueKind.TASK_QUEUE_KIND_STICKY
            && !request.getTaskQueue().getNormalName().isEmpty()) {
          poll.queue = new StickyQueue(request.getNamespace(), request.getTaskQueue().getName(), request.getTaskQueue().getNormalName());
          began(poll.queue);
        }
        super.onMessage(message);
      }

      @Override
      public void onCancel() {
        poll.end();
        super.onCancel();
      }
    };
  }

  private void began(StickyQueue queue) {
    synchronized (this) {
      queues.computeIfAbsent(queue, q -> new Polls()).open++;
    }
    listener.polled(queue);
  }

  private synchronized void ended(StickyQueue queue) {
    Polls polls = queues.get(queue);
    polls.open--;
    polls.lastEnded = nanos.getAsLong();
  }

  /** The sticky queues that have had no poll open for at least the given time. */
  synchronized List<StickyQueue> silentFor(long silenceNanos) {
    long now = nanos.getAsLong();
    List<StickyQueue> silent = new ArrayList<>();
    queues.forEach((queue, polls) -> {
      if (polls.open == 0 && now - polls.lastEnded >= silenceNanos) silent.add(queue);
    });
    return silent;
  }
}
