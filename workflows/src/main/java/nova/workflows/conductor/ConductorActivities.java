package nova.workflows.conductor;

import io.temporal.activity.ActivityInterface;
import nova.workflows.conductor.messages.ConductorDeploy;
import nova.workflows.conductor.messages.ConductorDrain;
import nova.workflows.conductor.messages.ConductorScale;
import nova.workflows.conductor.messages.ConductorStatus;
import nova.workflows.conductor.messages.ConductorTarget;

/**
 * An LPU conductor's deployment, as workflows steer it. Each call answers with the conductor's
 * status once the change has taken effect: deploy and scale when the new agents are ready, drain
 * when the agent has finished its work and exited. They are idempotent: repeating one that took
 * effect changes nothing. A change the conductor refuses fails with a {@link ConductorFailure} that
 * is never retried; an unreachable conductor is retried.
 */
@ActivityInterface
public interface ConductorActivities {
  /**
   * Served on their own queue: a deploy waits on agents for minutes and must not hold other slots.
   */
  String TASK_QUEUE = "nova-conductor";

  /** Serves another model config (a file in the conductor's model directory) on an allocation. */
  ConductorStatus deploy(ConductorDeploy deploy);

  /** The same model on another allocation: new engines start, engines left out drain. */
  ConductorStatus scale(ConductorScale scale);

  /** Takes one engine's agent out of service: no new work, its work finishes, then it exits. */
  ConductorStatus drain(ConductorDrain drain);

  ConductorStatus status(ConductorTarget target);
}
