package nova.conductor.fleet;

/** A deployment the fleet could not reach; what it started for it has been stopped. */
public final class FleetException extends Exception {
  public FleetException(String message) {
    super(message);
  }
}
