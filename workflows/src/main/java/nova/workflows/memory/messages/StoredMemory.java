package nova.workflows.memory.messages;

import java.util.UUID;

/** duplicate: the text was in that scope already, and id is the memory stored first. */
public record StoredMemory(UUID id, String scope, boolean duplicate, int chunks) {}
