-- The LLM gateway: providers and their models, aliases, and one usage row per provider call.

CREATE TABLE llm_providers (
  id         UUID PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  kind       TEXT NOT NULL CHECK (kind IN ('openai', 'anthropic', 'ollama', 'local')),
  base_url   TEXT NOT NULL,
  api_key    TEXT NOT NULL DEFAULT '',
  -- [{"id": "gpt-4o-mini", "input_per_mtok": 0.15, "output_per_mtok": 0.60}], prices in USD per million tokens
  models     JSONB NOT NULL DEFAULT '[]',
  -- requests per minute Nova sends this provider; NULL: no limit of Nova's own
  rpm        INTEGER CHECK (rpm > 0),
  -- 'config': from nova.yml or the environment, rewritten at each start; 'app': added by an admin
  source     TEXT NOT NULL CHECK (source IN ('config', 'app')),
  enabled    BOOLEAN NOT NULL DEFAULT true,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- An alias names an ordered chain of provider/model targets: the first, then the fallbacks.
CREATE TABLE llm_aliases (
  name       TEXT PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  targets    JSONB NOT NULL CHECK (jsonb_typeof(targets) = 'array' AND jsonb_array_length(targets) > 0),
  created_by TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE llm_usage (
  id            UUID PRIMARY KEY,
  at            TIMESTAMPTZ NOT NULL,
  provider      TEXT NOT NULL,
  model         TEXT NOT NULL,
  requested     TEXT NOT NULL,
  agent_id      UUID,
  caller        TEXT NOT NULL,
  -- 'ok', or the failure kind that sent the call on to the next model: rate_limited, server_error, ...
  outcome       TEXT NOT NULL,
  status        INTEGER NOT NULL,
  streamed      BOOLEAN NOT NULL,
  input_tokens  BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  latency_ms    INTEGER NOT NULL,
  cost_usd      NUMERIC(14, 8) NOT NULL
);
CREATE INDEX llm_usage_by_time ON llm_usage (at DESC);
CREATE INDEX llm_usage_by_agent ON llm_usage (agent_id, at DESC) WHERE agent_id IS NOT NULL;
