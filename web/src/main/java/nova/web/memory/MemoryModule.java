package nova.web.memory;

import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import nova.activities.llm.gateway.Gateway;
import nova.activities.memory.Embedders;
import nova.activities.memory.LocalEmbedder;
import nova.activities.memory.Memories;
import nova.activities.memory.MemoryActivitiesImpl;
import nova.activities.memory.MemoryModelActivitiesImpl;
import nova.activities.memory.MemorySearch;
import nova.activities.memory.MemoryStore;
import nova.activities.memory.ModelSwitches;
import nova.activities.memory.Reembedder;
import nova.activities.memory.SwitchHistory;
import org.jdbi.v3.core.Jdbi;

/** The memory service's parts, sharing one loaded local model (about 1 s to load, 23 MB). */
public final class MemoryModule implements Managed {
  private final LocalEmbedder local = new LocalEmbedder();
  private final MemoryStore store;
  private final MemorySearch search;
  private final Memories memories;
  private final Embedders embedders;
  private final SwitchHistory switchHistory;
  private final Jdbi jdbi;

  public MemoryModule(Jdbi jdbi, Gateway gateway) {
    this.jdbi = jdbi;
    this.embedders = new Embedders(local, gateway);
    this.store = new MemoryStore(jdbi, embedders);
    this.search = new MemorySearch(jdbi, embedders);
    this.memories = new Memories(jdbi);
    this.switchHistory = new SwitchHistory(jdbi);
  }

  public MemoryActivitiesImpl activities() {
    return new MemoryActivitiesImpl(store, search);
  }

  public MemoryModelActivitiesImpl modelActivities() {
    return new MemoryModelActivitiesImpl(
        new ModelSwitches(jdbi), new Reembedder(jdbi, embedders), embedders);
  }

  public MemoryResource resource() {
    return new MemoryResource(store, search, memories);
  }

  public ModelSwitchCommands switches(WorkflowClient client) {
    return new ModelSwitchCommands(
        client, embedders, search, switchHistory, new ModelSwitches(jdbi));
  }

  public MemoryModelResource modelResource(ModelSwitchCommands commands) {
    return new MemoryModelResource(commands, memories, switchHistory);
  }

  public MemoryStore store() {
    return store;
  }

  public MemorySearch search() {
    return search;
  }

  public Memories memories() {
    return memories;
  }

  @Override
  public void stop() throws Exception {
    local.close();
  }
}
