package nova.web.task;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nova.workflows.task.TaskWorkflow;

/** The run's event history, read from Temporal itself, never from a copy. */
public final class TaskHistory {
  private final WorkflowClient client;
  private final String uiUrl;
  private final String namespace;

  public TaskHistory(WorkflowClient client, String uiUrl, String namespace) {
    this.client = client;
    this.uiUrl = uiUrl == null ? "" : uiUrl.replaceAll("/+$", "");
    this.namespace = namespace;
  }

  public record Line(long id, Instant time, String type, String detail) {}

  /** Temporal's own JSON form of the history, as its CLI and Web UI export it. */
  public String json(UUID taskId) {
    return client.fetchHistory(TaskWorkflow.workflowId(taskId)).toJson(true);
  }

  /** The JSON history, or 404 when Temporal no longer has the run (the dev server keeps runs in memory only). */
  public String jsonOrRefusal(UUID taskId) {
    try {
      return json(taskId);
    } catch (io.grpc.StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        throw nova.web.errors.ApiException.notFound("workflow history of task", taskId);
      }
      throw new nova.web.errors.ApiException(503, "Temporal did not answer: " + e.getStatus().getCode());
    }
  }

  public List<Line> lines(UUID taskId) {
    return client.fetchHistory(TaskWorkflow.workflowId(taskId)).getEvents().stream().map(TaskHistory::line).toList();
  }

  /** The run in the Temporal Web UI, or null when TEMPORAL_UI_URL is not set. */
  public String webUiLink(UUID taskId) {
    return uiUrl.isEmpty() ? null : uiUrl + "/namespaces/" + namespace + "/workflows/" + TaskWorkflow.workflowId(taskId);
  }

  private static Line line(HistoryEvent event) {
    Instant time = Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos());
    String type = event.getEventType().name().replace("EVENT_TYPE_", "").toLowerCase(Locale.ROOT);
    return new Line(event.getEventId(), time, type, detail(event));
  }

  private static String detail(HistoryEvent event) {
    if (event.hasWorkflowExecutionUpdateAcceptedEventAttributes()) {
      return event.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput().getName();
    }
    if (event.hasMarkerRecordedEventAttributes()) return event.getMarkerRecordedEventAttributes().getMarkerName();
    if (event.hasTimerStartedEventAttributes()) {
      return "fires after " + event.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds() + " s";
    }
    if (event.hasWorkflowExecutionStartedEventAttributes()) return event.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName();
    return "";
  }
}
