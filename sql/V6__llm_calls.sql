-- Model calls made by workflows: their prompts and answers are rows here, and workflow histories carry the ids.

-- Texts are stored once by content: the same system prompt or input saved twice is one row.
CREATE TABLE llm_texts (
  id         UUID PRIMARY KEY,
  sha256     BYTEA NOT NULL UNIQUE,
  body       TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE llm_calls (
  -- chosen by the workflow, so a retried activity finds its own call
  id             UUID PRIMARY KEY,
  workflow_id    TEXT NOT NULL,
  agent_id       UUID,
  requested      JSONB NOT NULL CHECK (jsonb_typeof(requested) = 'array'),
  -- [{"role": "user", "text_id": "..."}]
  prompt         JSONB NOT NULL CHECK (jsonb_typeof(prompt) = 'array'),
  status         TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  attempts       INTEGER NOT NULL DEFAULT 1,
  output_id      UUID REFERENCES llm_texts (id),
  model          TEXT,
  finish_reason  TEXT,
  input_tokens   BIGINT NOT NULL DEFAULT 0,
  output_tokens  BIGINT NOT NULL DEFAULT 0,
  fell_back      JSONB NOT NULL DEFAULT '[]',
  error          TEXT,
  started_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at    TIMESTAMPTZ,
  CHECK ((status = 'done') = (output_id IS NOT NULL))
);
CREATE INDEX llm_calls_by_workflow ON llm_calls (workflow_id, started_at);
