-- Memories: what agents learn, chunked, embedded and full-text indexed for the pipeline's Context stage.

-- The embedding models memories are searched with: one active; while an admin's switch re-embeds
-- every chunk in the background, the new one is 'building' and search keeps to the active one.
CREATE TABLE memory_models (
  model      TEXT PRIMARY KEY,
  dimensions INTEGER NOT NULL CHECK (dimensions BETWEEN 1 AND 2000),
  status     TEXT NOT NULL CHECK (status IN ('active', 'building')),
  since      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX memory_models_one_each ON memory_models (status);

CREATE TABLE memories (
  id         UUID PRIMARY KEY,
  -- 'global', 'agent:<id>', 'pod:<id>' or 'project:<id>'
  scope      TEXT NOT NULL CHECK (scope ~ '^(global|(agent|pod|project):[0-9a-f-]{36})$'),
  content    TEXT NOT NULL CHECK (length(content) > 0),
  sha256     BYTEA NOT NULL,
  metadata   JSONB NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  -- the same text stored twice in one scope is one memory
  UNIQUE (scope, sha256)
);
CREATE INDEX memories_by_scope ON memories (scope, created_at DESC);

-- One row per chunk and model. Scope and metadata are copied from the memory so that a filtered
-- vector search reads this table alone, and the HNSW iterative scan can keep going past filtered rows.
CREATE TABLE memory_chunks (
  id        BIGSERIAL PRIMARY KEY,
  memory_id UUID NOT NULL REFERENCES memories (id) ON DELETE CASCADE,
  ordinal   INTEGER NOT NULL,
  model     TEXT NOT NULL,
  scope     TEXT NOT NULL,
  metadata  JSONB NOT NULL,
  content   TEXT NOT NULL,
  tsv       TSVECTOR NOT NULL GENERATED ALWAYS AS (to_tsvector('english', content)) STORED,
  -- no fixed dimension: each model has its own partial HNSW index on embedding::vector(dimensions)
  embedding VECTOR NOT NULL,
  UNIQUE (memory_id, model, ordinal)
);
CREATE INDEX memory_chunks_tsv ON memory_chunks USING gin (tsv);
CREATE INDEX memory_chunks_metadata ON memory_chunks USING gin (metadata jsonb_path_ops);
CREATE INDEX memory_chunks_by_model ON memory_chunks (model, memory_id);

-- The built-in local model, all-MiniLM-L6-v2: 384 dimensions, compared by cosine.
INSERT INTO memory_models (model, dimensions, status) VALUES ('local/all-minilm-l6-v2', 384, 'active');
CREATE INDEX memory_chunks_hnsw_local_all_minilm_l6_v2 ON memory_chunks
  USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE model = 'local/all-minilm-l6-v2';
