package nova.conductor;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import nova.conductor.config.Allocation;
import nova.conductor.config.Allocations;
import nova.conductor.config.ConfigException;
import nova.conductor.config.Configs;
import nova.conductor.config.Datacenter;
import nova.conductor.config.ModelConfig;
import nova.conductor.fleet.Fleet;
import nova.conductor.fleet.FleetException;
import nova.conductor.route.Router;

/**
 * The running conductor: its datacenter, the deployment it serves, and the fleet that serves it.
 * Scale and deploy go through the same checks as the command line, and a deployment takes effect
 * only once its new agents are ready.
 */
public final class Conductor implements AutoCloseable {
  private final Datacenter datacenter;
  private final Path modelDir;
  private final Fleet fleet;
  private final Router router;
  private volatile Deployment deployment;

  public Conductor(Datacenter datacenter, Path modelDir, Fleet fleet) {
    this.datacenter = datacenter;
    this.modelDir = modelDir;
    this.fleet = fleet;
    this.router = new Router(fleet, () -> deployment);
  }

  public synchronized void deploy(Deployment next) throws FleetException {
    fleet.apply(next.model(), next.allocation(), next.instance());
    deployment = next;
  }

  /** The same model on another allocation. */
  public synchronized Deployment scale(String allocation) throws ConfigException, FleetException {
    Deployment d = deployment;
    Deployment next =
        new Deployment(
            d.modelFile(),
            d.model(),
            Allocations.parse(allocation, datacenter, d.model()),
            d.instance());
    deploy(next);
    return next;
  }

  /** Another model config from the conductor's model directory, by file name. */
  public synchronized Deployment deploy(String modelFile, String allocation, String instance)
      throws ConfigException, FleetException {
    if (!modelFile.matches("[A-Za-z0-9_.-]+\\.toml"))
      throw new ConfigException(
          "model_config must be a .toml file name in " + modelDir + ", was '" + modelFile + "'");
    ModelConfig model = Configs.model(modelDir.resolve(modelFile));
    Allocation parsed = Allocations.parse(allocation, datacenter, model);
    Deployment next = new Deployment(modelFile, model, parsed, instance);
    deploy(next);
    return next;
  }

  public Optional<CompletableFuture<Void>> drain(String node) {
    return fleet.drain(node);
  }

  public Deployment deployment() {
    return deployment;
  }

  public Fleet fleet() {
    return fleet;
  }

  public Router router() {
    return router;
  }

  @Override
  public void close() {
    fleet.close();
  }
}
