package nova.workflows.conductor.messages;

public record ConductorScale(ConductorTarget target, String allocation) {}
