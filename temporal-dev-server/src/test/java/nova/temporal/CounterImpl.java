package nova.temporal;

import io.temporal.workflow.Workflow;
import java.time.Duration;

public class CounterImpl implements Counter {
  private int count;
  private boolean stopped;

  @Override
  public int run() {
    Workflow.await(Duration.ofHours(1), () -> stopped);
    return count;
  }

  @Override
  public int increment() {
    return ++count;
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
