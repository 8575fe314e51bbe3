-- Task lists page by (updated_at, id), newest first: an index in that order for all tasks, each
-- status and each server, so any page is an index range however deep it is.
CREATE INDEX tasks_by_update ON tasks (updated_at DESC, id DESC);
DROP INDEX tasks_by_status;
CREATE INDEX tasks_by_status ON tasks (status, updated_at DESC, id DESC);
DROP INDEX tasks_by_server;
CREATE INDEX tasks_by_server ON tasks (server_id, updated_at DESC, id DESC);
