-- Switching the embedding model: each model's vector index is named here, so a switch can drop
-- the old one's; and every switch is recorded, for the admin app and for audit.

ALTER TABLE memory_models ADD COLUMN index_name TEXT;
UPDATE memory_models SET index_name = 'memory_chunks_hnsw_local_all_minilm_l6_v2' WHERE model = 'local/all-minilm-l6-v2';
ALTER TABLE memory_models ALTER COLUMN index_name SET NOT NULL;

CREATE TABLE memory_model_switches (
  id             UUID PRIMARY KEY,
  model          TEXT NOT NULL,
  previous_model TEXT NOT NULL,
  dimensions     INTEGER,
  status         TEXT NOT NULL CHECK (status IN ('building', 'done', 'cancelled', 'failed')),
  reason         TEXT,
  requested_by   TEXT NOT NULL,
  started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  ended_at       TIMESTAMPTZ,
  CHECK ((status = 'building') = (ended_at IS NULL))
);
CREATE INDEX memory_model_switches_recent ON memory_model_switches (started_at DESC);
