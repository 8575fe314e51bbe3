package nova.web.task;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nova.web.project.ProjectDao;
import nova.workflows.task.TaskStatus;
import nova.workflows.task.TaskWorkflow;
import nova.workflows.task.messages.TaskResume;
import nova.workflows.task.messages.TaskStart;
import org.jdbi.v3.core.Jdbi;

/**
 * Each time Temporal comes up (see TemporalComeback), finds unfinished tasks whose workflow
 * Temporal no longer has (a Temporal that started empty: its state deleted, or another cluster) or
 * whose run failed, was terminated or timed out, and starts each again from its stored state.
 * Normally nothing.
 */
public final class LostWorkflows {
  private final WorkflowClient client;
  private final TaskDao tasks;
  private final ProjectDao projects;
  private final long remindAfterSeconds;
  private final long updatesPerRun;

  public LostWorkflows(WorkflowClient client, Jdbi jdbi, long remindAfterSeconds) {
    this(client, jdbi, remindAfterSeconds, 0);
  }

  /** {@code updatesPerRun}: see TaskStart; 0 for the workflow's default. */
  public LostWorkflows(
      WorkflowClient client, Jdbi jdbi, long remindAfterSeconds, long updatesPerRun) {
    this.updatesPerRun = updatesPerRun;
    this.client = client;
    this.tasks = jdbi.onDemand(TaskDao.class);
    this.projects = jdbi.onDemand(ProjectDao.class);
    this.remindAfterSeconds = remindAfterSeconds;
  }

  private static final int PAGE = 500;

  /**
   * Returns how many tasks were started again: every unfinished one, page by page, however many
   * there are.
   */
  public int resumeAll() {
    List<String> open =
        Arrays.stream(TaskStatus.values())
            .filter(s -> !s.isFinal())
            .map(TaskStatus::wireName)
            .toList();
    int resumed = 0;
    TaskCursor after = null;
    List<TaskDao.Task> page;
    do {
      page = tasks.page(open, after, PAGE);
      for (TaskDao.Task task : page) {
        if (!known(task.id())) {
          if (resume(task)) resumed++;
        }
      }
      // The walk goes from newest to oldest change. A lost task has no workflow to change it, so it
      // can't move ahead of the walk; a resumed one moves to the front, behind it: each is seen
      // once.
      if (!page.isEmpty()) after = TaskCursor.after(page.getLast());
    } while (page.size() == PAGE);
    return resumed;
  }

  /**
   * Whether the task's workflow runs. A closed one counts as lost too: an unfinished task's
   * workflow only closes if it failed or was terminated, and then nothing else would move it on.
   */
  private boolean known(UUID taskId) {
    try {
      var described =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder()
                              .setWorkflowId(TaskWorkflow.workflowId(taskId)))
                      .build());
      return switch (described.getWorkflowExecutionInfo().getStatus()) {
        // completed: the task finished after the page of unfinished tasks was read; never start it
        // again
        case WORKFLOW_EXECUTION_STATUS_RUNNING,
            WORKFLOW_EXECUTION_STATUS_COMPLETED,
            WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW ->
            true;
        default -> false;
      };
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return false;
      throw e;
    }
  }

  /**
   * Whether it started the task's workflow again (not when the task finished meanwhile, or another
   * did it first).
   */
  private boolean resume(TaskDao.Task found) {
    // read again: the task may have moved on since its page was read
    TaskDao.Task task = tasks.task(found.id()).orElse(found);
    if (TaskStatus.fromWire(task.status()).isFinal()) return false;
    UUID openIntervention =
        tasks.interventions(task.id()).stream()
            .filter(i -> i.status().equals("open"))
            .map(TaskDao.Intervention::id)
            .findFirst()
            .orElse(null);
    boolean requirePlan =
        projects
            .project(task.projectId())
            .map(ProjectDao.Project::requirePlanApproval)
            .orElse(false);
    TaskStart start =
        new TaskStart(
            task.id(),
            task.projectId(),
            task.title(),
            task.spec(),
            task.serverId(),
            requirePlan,
            remindAfterSeconds,
            task.createdBy(),
            new TaskResume(
                TaskStatus.fromWire(task.status()),
                task.version(),
                task.serverId(),
                openIntervention,
                tasks.noteCount(task.id())),
            updatesPerRun);
    TaskWorkflow workflow =
        client.newWorkflowStub(
            TaskWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(TaskWorkflow.workflowId(task.id()))
                .setTaskQueue(TaskWorkflow.TASK_QUEUE)
                // only over a run that failed, was terminated or timed out; never over a completed
                // one
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .build());
    try {
      WorkflowClient.start(workflow::run, start);
      return true;
    } catch (WorkflowExecutionAlreadyStarted alreadyBack) {
      // started again since it was found missing (by a repeated create, or another server's
      // catch-up)
      return false;
    }
  }
}
