package nova.activities.conductor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nova.workflows.conductor.ConductorActivities;
import nova.workflows.conductor.ConductorFailure;
import nova.workflows.conductor.messages.ConductorDeploy;
import nova.workflows.conductor.messages.ConductorDrain;
import nova.workflows.conductor.messages.ConductorScale;
import nova.workflows.conductor.messages.ConductorStatus;
import nova.workflows.conductor.messages.ConductorTarget;

/**
 * ConductorActivities over a conductor's HTTP API. A change blocks until the conductor has made it,
 * so the activity heartbeats while it waits; the conductor's refusals become non-retryable failures
 * carrying its message, which names what is wrong and what is allowed.
 */
final class ConductorActivitiesImpl implements ConductorActivities {
  private static final long BEAT_MS = 2_000;
  private final ConductorClient client;
  private final String defaultConductor;

  ConductorActivitiesImpl(ConductorClient client, String defaultConductor) {
    this.client = client;
    this.defaultConductor = defaultConductor;
  }

  @Override
  public ConductorStatus deploy(ConductorDeploy deploy) {
    ObjectNode body =
        ConductorClient.body()
            .put("model_config", deploy.modelConfig())
            .put("allocation", deploy.allocation())
            .put("instance_model_name", deploy.instanceModelName());
    return change(deploy.target(), "deploy", body);
  }

  @Override
  public ConductorStatus scale(ConductorScale scale) {
    return change(
        scale.target(), "scale", ConductorClient.body().put("allocation", scale.allocation()));
  }

  @Override
  public ConductorStatus drain(ConductorDrain drain) {
    ConductorStatus now = status(drain.target());
    if (now.agents().stream().noneMatch(a -> a.node().equals(drain.node())))
      return now; // drained already: a retry finds it gone
    return change(drain.target(), "drain", ConductorClient.body().put("node", drain.node()));
  }

  @Override
  public ConductorStatus status(ConductorTarget target) {
    ConductorClient.Answer a = await(client.status(url(target)));
    if (a.code() != 200 && a.code() != 503)
      throw ApplicationFailure.newFailure(
          "the conductor answered " + a.code() + ": " + a.error(), "CONDUCTOR_UNAVAILABLE");
    return ConductorClient.parse(a.body());
  }

  private ConductorStatus change(ConductorTarget target, String action, ObjectNode body) {
    ConductorClient.Answer a = await(client.admin(url(target), action, body));
    return switch (a.code()) {
      case 200 -> ConductorClient.parse(a.body());
      case 400 ->
          throw ApplicationFailure.newNonRetryableFailure(
              a.error(), ConductorFailure.BAD_REQUEST.name());
      case 404 ->
          throw ApplicationFailure.newNonRetryableFailure(
              a.error(), ConductorFailure.NOT_FOUND.name());
      case 409 ->
          throw ApplicationFailure.newNonRetryableFailure(
              a.error(), ConductorFailure.NOT_APPLIED.name());
      default ->
          throw ApplicationFailure.newFailure(
              "the conductor answered " + a.code() + ": " + a.error(), "CONDUCTOR_UNAVAILABLE");
    };
  }

  private ConductorClient.Answer await(CompletableFuture<ConductorClient.Answer> answer) {
    while (true) {
      try {
        return answer.get(BEAT_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        Activity.getExecutionContext().heartbeat(null);
      } catch (ExecutionException e) {
        throw ApplicationFailure.newFailure(
            "the conductor could not be reached: " + e.getCause().getMessage(),
            "CONDUCTOR_UNAVAILABLE");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer.cancel(true);
        throw Activity.wrap(e);
      }
    }
  }

  private String url(ConductorTarget target) {
    String url =
        target == null || target.conductor().isBlank() ? defaultConductor : target.conductor();
    if (url.isBlank())
      throw ApplicationFailure.newNonRetryableFailure(
          "no conductor is configured (NOVA_CONDUCTOR_URL) and the call names none",
          ConductorFailure.BAD_REQUEST.name());
    return url;
  }
}
