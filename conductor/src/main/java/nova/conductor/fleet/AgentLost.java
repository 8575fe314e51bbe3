package nova.conductor.fleet;

import nova.conductor.wire.Body;
import nova.conductor.wire.FailureCode;

/**
 * The agent on an engine went away (crash, kill, bad frame, missed heartbeats) with work in flight.
 */
public final class AgentLost extends RuntimeException {
  private final String engine;

  public AgentLost(String engine, String why) {
    super(engine + ": " + why);
    this.engine = engine;
  }

  public String engine() {
    return engine;
  }

  /** As a stream's last event, so listeners see loss and failure in one place. */
  public Body.Failure asBody() {
    return new Body.Failure(FailureCode.INTERNAL, getMessage());
  }
}
