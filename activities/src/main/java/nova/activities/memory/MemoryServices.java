package nova.activities.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nova.activities.llm.gateway.LlmServices;
import nova.workflows.memory.MemoryActivities;
import nova.workflows.memory.MemoryModelActivities;
import nova.workflows.memory.messages.MemoryHits;
import nova.workflows.memory.messages.MemoryQuery;
import nova.workflows.memory.messages.NewMemory;
import nova.workflows.memory.messages.StoredMemory;
import org.jdbi.v3.core.Jdbi;

/**
 * The door to memory: storing, searching and listing memories, the embedding model and its
 * switches, and the activities the worker runs. Its parts share one loaded local model (about 1 s
 * to load, 23 MB). A refused request throws {@link BadMemoryRequest} with what is wrong.
 */
public final class MemoryServices implements AutoCloseable {
  /** The widest vector an index can hold (pgvector's HNSW limit). */
  public static final int MAX_DIMENSIONS = VectorIndex.MAX_DIMENSIONS;

  /** The k of reciprocal rank fusion: a hit ranked r in one list scores 1 / (k + r). */
  public static final int RRF_K = MemorySearch.RRF_K;

  private final LocalEmbedder local = new LocalEmbedder();
  private final Jdbi jdbi;
  private final Embedders embedders;
  private final MemoryStore store;
  private final MemorySearch search;
  private final MemoryDao memories;
  private final ModelSwitchDao switches;

  /** {@code json}: the server's configured mapper, for the metadata memories carry. */
  public MemoryServices(Jdbi jdbi, LlmServices llm, ObjectMapper json) {
    MetadataJson metadata = new MetadataJson(json);
    this.jdbi = jdbi;
    this.embedders = new Embedders(local, llm);
    this.store = new MemoryStore(jdbi, embedders, metadata);
    this.search = new MemorySearch(jdbi, embedders, metadata);
    this.memories = new MemoryDao(jdbi, metadata);
    this.switches = new ModelSwitchDao(jdbi);
  }

  public MemoryActivities activities() {
    return new MemoryActivitiesImpl(store, search);
  }

  public MemoryModelActivities modelActivities() {
    return new MemoryModelActivitiesImpl(switches, new Reembedder(jdbi, embedders), embedders);
  }

  public List<StoredMemory> store(List<NewMemory> items) {
    return store.store(items);
  }

  public MemoryHits search(MemoryQuery query) {
    return search.search(query);
  }

  public Optional<Memory> get(UUID id) {
    return memories.get(id);
  }

  public List<Memory> list(String scope, int limit, int offset) {
    return memories.list(scope, limit, offset);
  }

  /** False when there was no such memory. */
  public boolean delete(UUID id) {
    return memories.delete(id);
  }

  public MemoryStats stats() {
    return memories.stats();
  }

  /** The embedding model searches use now. */
  public MemoryModel activeModel() {
    return search.active();
  }

  /** A model name as an index may carry it; a BadMemoryRequest says what a name may hold. */
  public String checkedModelName(String requested) {
    return VectorIndex.checkedName(requested);
  }

  /** The provider/model an alias or model name stands for now. */
  public String concreteModel(String name) {
    return embedders.concrete(name);
  }

  /** The width of the model's vectors, from one probe text. */
  public int dimensions(String model) {
    return MemoryModelActivitiesImpl.dimensions(embedders, model);
  }

  public List<SwitchEntry> recentSwitches(int limit) {
    return switches.recent(limit);
  }

  public Optional<SwitchEntry> switchUnderWay() {
    return switches.underWay();
  }

  /** Drops what a switch built, if it is still building, and records how the switch ended. */
  public void abandonSwitch(
      UUID switchId, String model, String status, String reason, String requestedBy) {
    switches.abandon(switchId, model, status, reason, requestedBy);
  }

  @Override
  public void close() throws Exception {
    local.close();
  }
}
