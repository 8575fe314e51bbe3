package nova.workflows.memory;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import nova.workflows.memory.messages.ReembedBatch;
import nova.workflows.memory.messages.ReembedEnd;
import nova.workflows.memory.messages.ReembedPass;
import nova.workflows.memory.messages.ReembedPlan;
import nova.workflows.memory.messages.ReembedStart;

/**
 * A corpus of numbered chunks, embedded a few per call; passes and activation can be held to catch
 * a switch mid-way.
 */
final class FakeModelActivities implements MemoryModelActivities {
  final int chunks;
  final int perCall;
  final AtomicLong embedded = new AtomicLong();
  final AtomicInteger begins = new AtomicInteger();
  final AtomicInteger passCalls = new AtomicInteger();
  final AtomicInteger activations = new AtomicInteger();
  final List<ReembedEnd> abandoned = new CopyOnWriteArrayList<>();
  final List<Long> passStarts = new CopyOnWriteArrayList<>();
  final Deque<Boolean> activationAnswers = new ArrayDeque<>();
  final CountDownLatch passRunning = new CountDownLatch(1);
  final CountDownLatch activationRunning = new CountDownLatch(1);
  volatile String beginRefusal;
  volatile String passRefusal;
  volatile CountDownLatch passGate;
  volatile CountDownLatch activationGate;

  FakeModelActivities(int chunks, int perCall) {
    this.chunks = chunks;
    this.perCall = perCall;
  }

  @Override
  public ReembedPlan begin(ReembedStart start) {
    begins.incrementAndGet();
    if (beginRefusal != null) throw refusal(beginRefusal);
    return new ReembedPlan(start.model(), 64);
  }

  @Override
  public ReembedBatch embed(ReembedPass pass) {
    passCalls.incrementAndGet();
    passStarts.add(pass.after());
    passRunning.countDown();
    if (passRefusal != null) throw refusal(passRefusal);
    ActivityExecutionContext context = Activity.getExecutionContext();
    CountDownLatch gate = passGate;
    while (gate != null && gate.getCount() > 0) {
      context.heartbeat(pass.after()); // throws once the workflow has cancelled this pass
      await(gate, 50);
    }
    long from = pass.after();
    long to = Math.min(chunks, from + perCall);
    embedded.addAndGet(to - from);
    return new ReembedBatch(to - from, to, to >= chunks);
  }

  @Override
  public boolean activate(ReembedPass pass) {
    activations.incrementAndGet();
    activationRunning.countDown();
    CountDownLatch gate = activationGate;
    if (gate != null) await(gate, 10_000);
    synchronized (activationAnswers) {
      return activationAnswers.isEmpty() || activationAnswers.poll();
    }
  }

  @Override
  public void abandon(ReembedEnd end) {
    abandoned.add(end);
  }

  private static ApplicationFailure refusal(String message) {
    return ApplicationFailure.newBuilder()
        .setType(MemoryActivities.BAD_REQUEST)
        .setMessage(message)
        .setNonRetryable(true)
        .build();
  }

  private static void await(CountDownLatch gate, long millis) {
    try {
      gate.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
