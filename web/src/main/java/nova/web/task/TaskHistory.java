package nova.web.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nova.web.errors.Outage;
import nova.web.platform.TemporalWebUi;
import nova.workflows.failures.NotFound;
import nova.workflows.failures.Unavailable;
import nova.workflows.task.TaskWorkflow;

/**
 * A task's workflow history, read from Temporal itself, never from a copy: every run, oldest first
 * (a run that continued as new names the one before it).
 */
public final class TaskHistory {
  private final ObjectMapper json;
  private final WorkflowClient client;
  private final TemporalWebUi webUi;
  private final String namespace;

  public TaskHistory(
      WorkflowClient client, TemporalWebUi webUi, String namespace, ObjectMapper json) {
    this.client = client;
    this.json = json;
    this.webUi = webUi;
    this.namespace = namespace;
  }

  /** One event; {@code link} (or null) is a page of the Temporal Web UI it refers to. */
  public record Line(long id, Instant time, String type, String detail, String link) {}

  /** The latest run's events, and its page in the Temporal Web UI (or null). */
  public record LatestRun(String runId, List<Line> lines, String webUiLink) {}

  /** One run of the task's workflow and its history. */
  public record Run(String runId, WorkflowExecutionHistory history) {}

  /**
   * The runs Temporal still has, oldest first, and whether older ones are gone (past the
   * namespace's retention).
   */
  public record Runs(List<Run> runs, boolean olderExpired) {}

  /**
   * Every run Temporal still has, oldest first: from the latest back along each run's
   * continued_execution_run_id.
   */
  public Runs runs(UUID taskId) {
    String workflowId = TaskWorkflow.workflowId(taskId);
    String runId = latestRunId(workflowId);
    Deque<Run> runs = new ArrayDeque<>();
    while (!runId.isEmpty()) {
      WorkflowExecutionHistory history;
      try {
        history = client.fetchHistory(workflowId, runId);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND || runs.isEmpty()) throw e;
        return new Runs(List.copyOf(runs), true);
      }
      runs.addFirst(new Run(runId, history));
      runId =
          history
              .getEvents()
              .getFirst()
              .getWorkflowExecutionStartedEventAttributes()
              .getContinuedExecutionRunId();
    }
    return new Runs(List.copyOf(runs), false);
  }

  private String latestRunId(String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(namespace)
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getExecution()
        .getRunId();
  }

  /**
   * Every run, oldest first, each in Temporal's own JSON form (as its CLI and Web UI export a
   * history) with its run id.
   */
  public String json(UUID taskId) {
    Runs found = runs(taskId);
    ObjectNode all =
        json.createObjectNode()
            .put("workflow_id", TaskWorkflow.workflowId(taskId))
            .put("older_runs_expired", found.olderExpired());
    ArrayNode runs = all.putArray("runs");
    for (Run run : found.runs()) {
      try {
        ObjectNode exported = (ObjectNode) json.readTree(run.history().toJson(false));
        ObjectNode entry = runs.addObject().put("run_id", run.runId());
        webUi
            .run(TaskWorkflow.workflowId(taskId), run.runId())
            .ifPresent(link -> entry.put("web_ui_url", link));
        entry.setAll(exported);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Temporal's history export is JSON", e);
      }
    }
    return all.toString();
  }

  /**
   * The JSON history, or 404 when Temporal no longer has the run (past retention, or a Temporal
   * that started empty).
   */
  public String jsonOrRefusal(UUID taskId) {
    try {
      return json(taskId);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new NotFound("workflow history of task", taskId);
      }
      throw new Unavailable(
          Outage.TEMPORAL, "Temporal did not answer: " + e.getStatus().getCode(), Map.of(), null);
    }
  }

  /**
   * The latest run's events, for the task page (which refreshes on every change, so it reads one
   * run, not all); a run that continued from an earlier one begins with a line that says so.
   */
  public LatestRun latest(UUID taskId) {
    String workflowId = TaskWorkflow.workflowId(taskId);
    String runId = latestRunId(workflowId);
    List<HistoryEvent> events = client.fetchHistory(workflowId, runId).getEvents();
    List<Line> lines = new ArrayList<>();
    String previous =
        events.getFirst().getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
    if (!previous.isEmpty()) {
      lines.add(
          new Line(
              0,
              time(events.getFirst()),
              "continued as new",
              "from run " + previous + "; every run: GET /api/v1/tasks/" + taskId + "/history",
              webUi.run(workflowId, previous).orElse(null)));
    }
    events.stream().map(TaskHistory::line).forEach(lines::add);
    return new LatestRun(runId, lines, webUi.run(workflowId, runId).orElse(null));
  }

  private static Instant time(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }

  private static Line line(HistoryEvent event) {
    Instant time = time(event);
    String type = event.getEventType().name().replace("EVENT_TYPE_", "").toLowerCase(Locale.ROOT);
    return new Line(event.getEventId(), time, type, detail(event), null);
  }

  private static String detail(HistoryEvent event) {
    if (event.hasWorkflowExecutionUpdateAcceptedEventAttributes()) {
      return event
          .getWorkflowExecutionUpdateAcceptedEventAttributes()
          .getAcceptedRequest()
          .getInput()
          .getName();
    }
    if (event.hasMarkerRecordedEventAttributes())
      return event.getMarkerRecordedEventAttributes().getMarkerName();
    if (event.hasTimerStartedEventAttributes()) {
      return "fires after "
          + event.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()
          + " s";
    }
    if (event.hasWorkflowExecutionStartedEventAttributes())
      return event.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
    return "";
  }
}
