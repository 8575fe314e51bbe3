package nova.workflows.task;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowLock;
import java.time.Duration;
import java.util.function.Supplier;
import nova.workflows.task.messages.TaskChange;
import nova.workflows.task.messages.TaskInput;
import nova.workflows.task.messages.TaskOutcome;
import nova.workflows.task.messages.TaskSnapshot;
import nova.workflows.task.messages.TaskStart;

/**
 * See {@link TaskWorkflow}. Handlers run one at a time under a lock, so events are stored in order.
 */
public class TaskWorkflowImpl implements TaskWorkflow {
  static final String RESUME_INTO_PLAN_MODE = "resume-into-plan-mode";
  static final String CONTINUE_AS_NEW = "continue-as-new";
  private final TaskStoreActivities store =
      Workflow.newLocalActivityStub(TaskStoreActivities.class, TaskActivityOptions.LOCAL);
  private final NotifyActivities notify =
      Workflow.newLocalActivityStub(NotifyActivities.class, TaskActivityOptions.LOCAL);
  private final WorkflowLock lock = Workflow.newWorkflowLock();
  private final TaskState state;

  /**
   * Accepted actions per run, by default: half of Temporal's limit on one run's updates (2,000).
   */
  static final long UPDATES_PER_RUN = 1000;

  /** Events per run: well under the 50,000 at which Temporal stops a run. */
  static final long EVENTS_PER_RUN = 20_000;

  private final TaskStart start;
  private boolean stored;
  private long updatesThisRun;

  @WorkflowInit
  public TaskWorkflowImpl(TaskStart start) {
    this.start = start;
    this.state =
        start.resume() == null
            ? new TaskState(start.taskId())
            : new TaskState(start.taskId(), start.resume());
  }

  @Override
  public TaskOutcome run(TaskStart start) {
    if (start.resume() != null && start.resume().continued()) {
      // the same task going on in a new run: nothing happened to it, so nothing is recorded
      stored = true;
    } else {
      begin(start);
    }
    Duration remindAfter = Duration.ofSeconds(start.reminderAfterSeconds());
    while (!state.status().isFinal()) {
      if (continueAsNewDue()) continueAsNew();
      long seen = state.moves();
      if (state.status().awaitsHuman()) {
        remindWhileWaiting(seen, remindAfter);
      } else {
        Workflow.await(() -> state.moves() != seen);
      }
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return new TaskOutcome(start.taskId(), state.status(), state.seq());
  }

  /**
   * Before Temporal's limits on one run (50,000 events, 2,000 updates) could stop the task: after
   * {@link #UPDATES_PER_RUN} actions, {@link #EVENTS_PER_RUN} events, or when Temporal suggests it.
   */
  private boolean continueAsNewDue() {
    long limit = start.updatesPerRun() > 0 ? start.updatesPerRun() : UPDATES_PER_RUN;
    boolean due =
        updatesThisRun >= limit
            || Workflow.getInfo().getHistoryLength() > EVENTS_PER_RUN
            || Workflow.getInfo().isContinueAsNewSuggested();
    // A run that began before this code replays its history without the marker and so never
    // continues as new
    return due && Workflow.getVersion(CONTINUE_AS_NEW, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /**
   * Lets the actions in flight finish here, then hands the task, where it stands, to a new run.
   * Temporal knows an Update id within one run only; the projection keeps each request's
   * Idempotency-Key, so a repeat sent to the new run is still answered once (TaskCommands).
   */
  private void continueAsNew() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(start.resumedAt(state.continuing()));
  }

  private void begin(TaskStart start) {
    lock.lock();
    TaskChange first =
        (start.resume() == null
                ? state.created(start.createdBy(), Workflow.currentTimeMillis())
                : state.resumed(Workflow.currentTimeMillis()))
            .storedIn(Workflow.getInfo().getHistoryLength());
    if (start.resume() == null) {
      store.recordCreated(start, first);
    } else {
      store.record(first);
    }
    notify.taskChanged(first);
    if (start.resume() != null
        && state.status() == TaskStatus.ASSIGNED
        && start.requirePlanApproval()
        && Workflow.getVersion(RESUME_INTO_PLAN_MODE, Workflow.DEFAULT_VERSION, 1) == 1) {
      // Lost between "assigned" and its automatic "plan_mode": take that step now, or the agent
      // could start unplanned.
      persist(state.enterPlanMode(Workflow.currentTimeMillis()));
    }
    stored = true;
    lock.unlock();
    if (start.serverId() != null && start.resume() == null) {
      act(TaskAction.ASSIGN, new TaskInput(start.createdBy(), start.serverId(), null, null, false));
    }
  }

  /**
   * Records a reminder each time a person has kept the task waiting for another full interval; a
   * task started with an interval that is not positive is never reminded about.
   */
  private void remindWhileWaiting(long seen, Duration remindAfter) {
    if (!remindAfter.isPositive()) {
      // A zero interval would time out at once, forever: a reminder per loop until history
      // overflows.
      Workflow.await(() -> state.moves() != seen);
      return;
    }
    long waited = 0;
    while (!Workflow.await(remindAfter, () -> state.moves() != seen)) {
      waited += remindAfter.toSeconds();
      long total = waited;
      withLock(() -> state.reminder(total, Workflow.currentTimeMillis()));
      // a task left waiting for years still gets a new run before its history fills up
      if (continueAsNewDue()) continueAsNew();
    }
  }

  private TaskSnapshot act(TaskAction action, TaskInput input) {
    Workflow.await(() -> stored);
    updatesThisRun++;
    return withLock(
        () -> state.apply(action, input, Workflow.randomUUID(), Workflow.currentTimeMillis()));
  }

  private TaskSnapshot withLock(Supplier<TaskChange> change) {
    lock.lock();
    try {
      TaskChange first;
      try {
        first = change.get();
      } catch (TransitionRejected rejected) {
        // The state moved between validation and handling: refuse the same way a validator does.
        throw ApplicationFailure.newNonRetryableFailure(
            rejected.getMessage(), TransitionRejected.TYPE);
      }
      persist(first);
      if (first.to() == TaskStatus.ASSIGNED && start.requirePlanApproval()) {
        persist(state.enterPlanMode(Workflow.currentTimeMillis()));
      }
      return state.snapshot();
    } finally {
      lock.unlock();
    }
  }

  private void persist(TaskChange decided) {
    TaskChange change = decided.storedIn(Workflow.getInfo().getHistoryLength());
    store.record(change);
    notify.taskChanged(change);
  }

  private void check(TaskAction action, TaskInput input) {
    if (input == null || input.actor() == null) {
      throw new TransitionRejected("an action needs an actor");
    }
    state.check(action, input);
  }

  @Override
  public TaskSnapshot snapshot() {
    return state.snapshot();
  }

  @Override
  public TaskSnapshot ready() {
    Workflow.await(() -> stored);
    return state.snapshot();
  }

  // One handler and one validator per action; they differ only in the action they name.

  @Override
  public TaskSnapshot assign(TaskInput input) {
    return act(TaskAction.ASSIGN, input);
  }

  @Override
  public void validateAssign(TaskInput input) {
    check(TaskAction.ASSIGN, input);
  }

  @Override
  public TaskSnapshot start(TaskInput input) {
    return act(TaskAction.START, input);
  }

  @Override
  public void validateStart(TaskInput input) {
    check(TaskAction.START, input);
  }

  @Override
  public TaskSnapshot submitPlan(TaskInput input) {
    return act(TaskAction.SUBMIT_PLAN, input);
  }

  @Override
  public void validateSubmitPlan(TaskInput input) {
    check(TaskAction.SUBMIT_PLAN, input);
  }

  @Override
  public TaskSnapshot approvePlan(TaskInput input) {
    return act(TaskAction.APPROVE_PLAN, input);
  }

  @Override
  public void validateApprovePlan(TaskInput input) {
    check(TaskAction.APPROVE_PLAN, input);
  }

  @Override
  public TaskSnapshot revisePlan(TaskInput input) {
    return act(TaskAction.REVISE_PLAN, input);
  }

  @Override
  public void validateRevisePlan(TaskInput input) {
    check(TaskAction.REVISE_PLAN, input);
  }

  @Override
  public TaskSnapshot requestHelp(TaskInput input) {
    return act(TaskAction.REQUEST_HELP, input);
  }

  @Override
  public void validateRequestHelp(TaskInput input) {
    check(TaskAction.REQUEST_HELP, input);
  }

  @Override
  public TaskSnapshot respond(TaskInput input) {
    return act(TaskAction.RESPOND, input);
  }

  @Override
  public void validateRespond(TaskInput input) {
    check(TaskAction.RESPOND, input);
  }

  @Override
  public TaskSnapshot submitForReview(TaskInput input) {
    return act(TaskAction.SUBMIT_FOR_REVIEW, input);
  }

  @Override
  public void validateSubmitForReview(TaskInput input) {
    check(TaskAction.SUBMIT_FOR_REVIEW, input);
  }

  @Override
  public TaskSnapshot approveReview(TaskInput input) {
    return act(TaskAction.APPROVE_REVIEW, input);
  }

  @Override
  public void validateApproveReview(TaskInput input) {
    check(TaskAction.APPROVE_REVIEW, input);
  }

  @Override
  public TaskSnapshot requestChanges(TaskInput input) {
    return act(TaskAction.REQUEST_CHANGES, input);
  }

  @Override
  public void validateRequestChanges(TaskInput input) {
    check(TaskAction.REQUEST_CHANGES, input);
  }

  @Override
  public TaskSnapshot complete(TaskInput input) {
    return act(TaskAction.COMPLETE, input);
  }

  @Override
  public void validateComplete(TaskInput input) {
    check(TaskAction.COMPLETE, input);
  }

  @Override
  public TaskSnapshot fail(TaskInput input) {
    return act(TaskAction.FAIL, input);
  }

  @Override
  public void validateFail(TaskInput input) {
    check(TaskAction.FAIL, input);
  }

  @Override
  public TaskSnapshot cancel(TaskInput input) {
    return act(TaskAction.CANCEL, input);
  }

  @Override
  public void validateCancel(TaskInput input) {
    check(TaskAction.CANCEL, input);
  }

  @Override
  public TaskSnapshot addNote(TaskInput input) {
    return act(TaskAction.ADD_NOTE, input);
  }

  @Override
  public void validateAddNote(TaskInput input) {
    check(TaskAction.ADD_NOTE, input);
  }
}
