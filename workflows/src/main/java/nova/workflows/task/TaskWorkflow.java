package nova.workflows.task;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.UUID;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskOutcome;
import nova.workflows.task.messages.TaskSnapshot;
import nova.workflows.task.messages.TaskStart;

/**
 * One durable workflow per task (id {@code task-<uuid>}) that owns its state. Every human or agent
 * action is an Update whose validator refuses what the current state does not allow, before it
 * enters history; an accepted action returns once its projection is written.
 */
@WorkflowInterface
public interface TaskWorkflow {
  String TASK_QUEUE = "nova-tasks";
  String ASSIGN = "assign";
  String START = "start";
  String SUBMIT_PLAN = "submitPlan";
  String APPROVE_PLAN = "approvePlan";
  String REVISE_PLAN = "revisePlan";
  String REQUEST_HELP = "requestHelp";
  String RESPOND = "respond";
  String SUBMIT_FOR_REVIEW = "submitForReview";
  String APPROVE_REVIEW = "approveReview";
  String REQUEST_CHANGES = "requestChanges";
  String COMPLETE = "complete";
  String FAIL = "fail";
  String CANCEL = "cancel";
  String ADD_NOTE = "addNote";

  /**
   * Waits until the task's first projection is written; lets the API answer a create with the
   * stored task.
   */
  String READY = "ready";

  static String workflowId(UUID taskId) {
    return "task-" + taskId;
  }

  @WorkflowMethod
  TaskOutcome run(TaskStart start);

  @QueryMethod
  TaskSnapshot snapshot();

  @UpdateMethod(name = READY)
  TaskSnapshot ready();

  @UpdateMethod(name = ASSIGN)
  TaskSnapshot assign(TaskInput input);

  @UpdateValidatorMethod(updateName = ASSIGN)
  void validateAssign(TaskInput input);

  @UpdateMethod(name = START)
  TaskSnapshot start(TaskInput input);

  @UpdateValidatorMethod(updateName = START)
  void validateStart(TaskInput input);

  @UpdateMethod(name = SUBMIT_PLAN)
  TaskSnapshot submitPlan(TaskInput input);

  @UpdateValidatorMethod(updateName = SUBMIT_PLAN)
  void validateSubmitPlan(TaskInput input);

  @UpdateMethod(name = APPROVE_PLAN)
  TaskSnapshot approvePlan(TaskInput input);

  @UpdateValidatorMethod(updateName = APPROVE_PLAN)
  void validateApprovePlan(TaskInput input);

  @UpdateMethod(name = REVISE_PLAN)
  TaskSnapshot revisePlan(TaskInput input);

  @UpdateValidatorMethod(updateName = REVISE_PLAN)
  void validateRevisePlan(TaskInput input);

  @UpdateMethod(name = REQUEST_HELP)
  TaskSnapshot requestHelp(TaskInput input);

  @UpdateValidatorMethod(updateName = REQUEST_HELP)
  void validateRequestHelp(TaskInput input);

  @UpdateMethod(name = RESPOND)
  TaskSnapshot respond(TaskInput input);

  @UpdateValidatorMethod(updateName = RESPOND)
  void validateRespond(TaskInput input);

  @UpdateMethod(name = SUBMIT_FOR_REVIEW)
  TaskSnapshot submitForReview(TaskInput input);

  @UpdateValidatorMethod(updateName = SUBMIT_FOR_REVIEW)
  void validateSubmitForReview(TaskInput input);

  @UpdateMethod(name = APPROVE_REVIEW)
  TaskSnapshot approveReview(TaskInput input);

  @UpdateValidatorMethod(updateName = APPROVE_REVIEW)
  void validateApproveReview(TaskInput input);

  @UpdateMethod(name = REQUEST_CHANGES)
  TaskSnapshot requestChanges(TaskInput input);

  @UpdateValidatorMethod(updateName = REQUEST_CHANGES)
  void validateRequestChanges(TaskInput input);

  @UpdateMethod(name = COMPLETE)
  TaskSnapshot complete(TaskInput input);

  @UpdateValidatorMethod(updateName = COMPLETE)
  void validateComplete(TaskInput input);

  @UpdateMethod(name = FAIL)
  TaskSnapshot fail(TaskInput input);

  @UpdateValidatorMethod(updateName = FAIL)
  void validateFail(TaskInput input);

  @UpdateMethod(name = CANCEL)
  TaskSnapshot cancel(TaskInput input);

  @UpdateValidatorMethod(updateName = CANCEL)
  void validateCancel(TaskInput input);

  @UpdateMethod(name = ADD_NOTE)
  TaskSnapshot addNote(TaskInput input);

  @UpdateValidatorMethod(updateName = ADD_NOTE)
  void validateAddNote(TaskInput input);
}
