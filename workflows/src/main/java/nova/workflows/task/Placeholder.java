package nova.workflows.task;
