package nova.temporal;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A workflow that counts Updates until told to stop or an hour has passed. */
@WorkflowInterface
public interface Counter {
  @WorkflowMethod
  int run();

  @UpdateMethod
  int increment();

  @SignalMethod
  void stop();
}
