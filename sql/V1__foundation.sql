-- The foundation: people, projects, agent servers, keys, and the projections of task workflows.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE admin_users (
  id            UUID PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Generated secrets (session signing key, admin secret hash) that must survive restarts.
CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE projects (
  id                    UUID PRIMARY KEY,
  name                  TEXT NOT NULL UNIQUE,
  description           TEXT NOT NULL DEFAULT '',
  require_plan_approval BOOLEAN NOT NULL DEFAULT false,
  status                TEXT NOT NULL DEFAULT 'active',
  created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE servers (
  id            UUID PRIMARY KEY,
  project_id    UUID NOT NULL REFERENCES projects (id),
  name          TEXT NOT NULL,
  capabilities  JSONB NOT NULL DEFAULT '[]',
  status        TEXT NOT NULL DEFAULT 'online',
  registered_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (project_id, name)
);

CREATE TABLE registration_tokens (
  id         UUID PRIMARY KEY,
  project_id UUID NOT NULL REFERENCES projects (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at    TIMESTAMPTZ,
  server_id  UUID REFERENCES servers (id)
);

CREATE TABLE api_keys (
  id           UUID PRIMARY KEY,
  name         TEXT NOT NULL,
  prefix       TEXT NOT NULL,
  key_hash     TEXT NOT NULL UNIQUE,
  role         TEXT NOT NULL CHECK (role IN ('admin', 'viewer', 'agent')),
  server_id    UUID REFERENCES servers (id),
  created_by   TEXT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ,
  CHECK ((role = 'agent') = (server_id IS NOT NULL))
);

CREATE TABLE tasks (
  id            UUID PRIMARY KEY,
  project_id    UUID NOT NULL REFERENCES projects (id),
  title         TEXT NOT NULL,
  spec          TEXT NOT NULL,
  status        TEXT NOT NULL,
  server_id     UUID REFERENCES servers (id),
  plan          TEXT,
  plan_feedback TEXT,
  result        TEXT,
  version       BIGINT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX tasks_by_status ON tasks (status, updated_at DESC);
CREATE INDEX tasks_by_server ON tasks (server_id, updated_at DESC);

-- The activity log: one row per workflow event, written once per (task, seq).
CREATE TABLE task_events (
  task_id     UUID NOT NULL REFERENCES tasks (id),
  seq         BIGINT NOT NULL,
  type        TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL,
  details     JSONB NOT NULL DEFAULT '{}',
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (task_id, seq)
);

CREATE TABLE interventions (
  id          UUID PRIMARY KEY,
  task_id     UUID NOT NULL REFERENCES tasks (id),
  question    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'answered', 'cancelled')),
  asked_by    TEXT NOT NULL,
  answer      TEXT,
  answered_by TEXT,
  created_at  TIMESTAMPTZ NOT NULL,
  answered_at TIMESTAMPTZ
);
CREATE INDEX interventions_by_task ON interventions (task_id, created_at);

CREATE TABLE task_notes (
  id         BIGSERIAL PRIMARY KEY,
  task_id    UUID NOT NULL REFERENCES tasks (id),
  seq        BIGINT NOT NULL,
  author     TEXT NOT NULL,
  content    TEXT NOT NULL,
  urgent     BOOLEAN NOT NULL DEFAULT false,
  created_at TIMESTAMPTZ NOT NULL,
  UNIQUE (task_id, seq)
);
