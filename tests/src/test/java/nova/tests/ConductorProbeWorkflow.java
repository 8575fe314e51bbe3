package nova.tests;

import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import nova.workflows.conductor.ConductorActivities;
import nova.workflows.conductor.ConductorActivityOptions;
import nova.workflows.conductor.messages.ConductorDeploy;
import nova.workflows.conductor.messages.ConductorDrain;
import nova.workflows.conductor.messages.ConductorScale;
import nova.workflows.conductor.messages.ConductorStatus;
import nova.workflows.conductor.messages.ConductorTarget;

/**
 * A test workflow that steers a conductor through the Nova server's ConductorActivities, with the
 * production options.
 */
@WorkflowInterface
public interface ConductorProbeWorkflow {
  /**
   * action: status, scale, drain or deploy; argument: the allocation, the node, or "model_config
   * allocation instance".
   */
  record Step(String conductor, String action, String argument) {}

  @WorkflowMethod
  ConductorStatus run(Step step);

  class Impl implements ConductorProbeWorkflow {
    @Override
    public ConductorStatus run(Step step) {
      ConductorActivities conductor =
          Workflow.newActivityStub(ConductorActivities.class, ConductorActivityOptions.CHANGES);
      ConductorTarget target = new ConductorTarget(step.conductor());
      return switch (step.action()) {
        case "status" -> conductor.status(target);
        case "scale" -> conductor.scale(new ConductorScale(target, step.argument()));
        case "drain" -> conductor.drain(new ConductorDrain(target, step.argument()));
        case "deploy" -> {
          String[] parts = step.argument().split(" ");
          yield conductor.deploy(new ConductorDeploy(target, parts[0], parts[1], parts[2]));
        }
        default -> throw new IllegalArgumentException(step.action());
      };
    }
  }
}
