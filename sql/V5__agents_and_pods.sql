-- Agents (a model, its fallbacks and a system prompt) and pods (groups of agents sharing a sandbox tier), per seed 001.

CREATE TABLE pods (
  id           UUID PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  description  TEXT NOT NULL DEFAULT '',
  -- how much of the filesystem and shell the pod's agents may touch, least to most
  sandbox_tier TEXT NOT NULL CHECK (sandbox_tier IN ('isolated', 'nova', 'workspace', 'host')),
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agents (
  id              UUID PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  pod_id          UUID REFERENCES pods (id) ON DELETE CASCADE,
  model           TEXT NOT NULL,
  system_prompt   TEXT NOT NULL DEFAULT '',
  fallback_models JSONB NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(fallback_models) = 'array'),
  -- the one "Nova" agent that chat talks to; the index below keeps it one
  canonical       BOOLEAN NOT NULL DEFAULT false,
  created_by      TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agents_one_canonical ON agents ((true)) WHERE canonical;
CREATE INDEX agents_by_pod ON agents (pod_id) WHERE pod_id IS NOT NULL;
