-- The Idempotency-Key (as Update id) of the request that made an event. Temporal recognises a
-- repeated Update only within one run of a workflow; a task's workflow can get a new run (continue-
-- as-new, or started again after the in-memory dev server lost it), so a repeat is also looked up here.
-- Not unique: a lookup, never a reason for a projection to fail.
ALTER TABLE task_events ADD COLUMN request_id TEXT;
CREATE INDEX task_events_request ON task_events (task_id, request_id) WHERE request_id IS NOT NULL;
