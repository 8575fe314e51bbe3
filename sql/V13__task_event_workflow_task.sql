-- The history length of the workflow task that stored each event: of two different events at one
-- seq (one from a workflow task Temporal never committed), the later workflow task's wins.
ALTER TABLE task_events ADD COLUMN workflow_task BIGINT NOT NULL DEFAULT 0;
