package nova.web.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import nova.activities.llm.gateway.LlmServices;
import nova.activities.memory.MemoryServices;
import org.jdbi.v3.core.Jdbi;

/** Memory in the server: its services, closed with the server, and the resources of memories. */
public final class MemoryModule implements Managed {
  private final MemoryServices services;

  public MemoryModule(Jdbi jdbi, LlmServices llm, ObjectMapper json) {
    this.services = new MemoryServices(jdbi, llm, json);
  }

  public MemoryServices services() {
    return services;
  }

  public MemoryResource resource() {
    return new MemoryResource(services);
  }

  public ModelSwitchCommands switches(WorkflowClient client) {
    return new ModelSwitchCommands(client, services);
  }

  public MemoryModelResource modelResource(ModelSwitchCommands commands) {
    return new MemoryModelResource(commands, services);
  }

  @Override
  public void stop() throws Exception {
    services.close();
  }
}
