package nova.workflows.conductor.messages;

/** The engine whose agent drains, as the allocation names it (c1r1e0). */
public record ConductorDrain(ConductorTarget target, String node) {}
