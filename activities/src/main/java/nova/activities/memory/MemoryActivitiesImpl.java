package nova.activities.memory;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import nova.workflows.memory.MemoryActivities;
import nova.workflows.memory.messages.MemoryHits;
import nova.workflows.memory.messages.MemoryQuery;
import nova.workflows.memory.messages.NewMemory;
import nova.workflows.memory.messages.StoredMemory;

/**
 * The memory service for workflows; storing twice is harmless, since a text is one memory per
 * scope.
 */
final class MemoryActivitiesImpl implements MemoryActivities {
  private final MemoryStore store;
  private final MemorySearch search;

  MemoryActivitiesImpl(MemoryStore store, MemorySearch search) {
    this.store = store;
    this.search = search;
  }

  @Override
  public StoredMemory store(NewMemory memory) {
    try {
      return store.store(List.of(memory)).getFirst();
    } catch (BadMemoryRequest e) {
      throw refused(e);
    }
  }

  @Override
  public MemoryHits search(MemoryQuery query) {
    try {
      return search.search(query);
    } catch (BadMemoryRequest e) {
      throw refused(e);
    }
  }

  private static ApplicationFailure refused(BadMemoryRequest e) {
    return ApplicationFailure.newBuilder()
        .setType(BAD_REQUEST)
        .setMessage(e.getMessage())
        .setNonRetryable(true)
        .build();
  }
}
