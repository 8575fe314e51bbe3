package nova.web.platform;

import nova.workflows.conductor.ConductorActivities;
import nova.workflows.llm.LlmActivities;
import nova.workflows.memory.MemoryActivities;
import nova.workflows.memory.MemoryModelActivities;
import nova.workflows.task.NotifyActivities;
import nova.workflows.task.TaskStoreActivities;

/** The activity implementations this process's workers serve, one per interface. */
public record WorkerActivities(
    TaskStoreActivities store,
    NotifyActivities notifications,
    LlmActivities llm,
    MemoryActivities memory,
    MemoryModelActivities memoryModels,
    ConductorActivities conductor) {}
