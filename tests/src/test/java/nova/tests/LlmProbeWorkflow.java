package nova.tests;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import nova.workflows.llm.LlmActivities;
import nova.workflows.llm.LlmActivityOptions;
import nova.workflows.llm.messages.LlmPrompt;
import nova.workflows.llm.messages.LlmReply;

/**
 * A test workflow that calls the Nova server's LlmActivities the way product workflows will: with
 * {@link LlmActivityOptions#CHAT}, on the model calls' queue. It asks {@code times} times with the
 * same prompt (so the same call id), and may shorten the heartbeat timeout to prove heartbeats.
 */
@WorkflowInterface
public interface LlmProbeWorkflow {
  record Probe(LlmPrompt prompt, int times, long heartbeatMillis) {}

  @WorkflowMethod
  LlmReply ask(Probe probe);

  class Impl implements LlmProbeWorkflow {
    @Override
    public LlmReply ask(Probe probe) {
      ActivityOptions options =
          probe.heartbeatMillis() == 0
              ? LlmActivityOptions.CHAT
              : ActivityOptions.newBuilder(LlmActivityOptions.CHAT)
                  .setHeartbeatTimeout(Duration.ofMillis(probe.heartbeatMillis()))
                  .build();
      LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, options);
      LlmReply reply = null;
      for (int i = 0; i < probe.times(); i++) reply = llm.chat(probe.prompt());
      return reply;
    }
  }
}
