-- The audit log of who got in, who was kept out, and who changed access: sign-ins and their
-- failures, sign-outs, key and user changes, registration-token use, and every 403.
CREATE TABLE security_events (
  id      BIGSERIAL PRIMARY KEY,
  at      TIMESTAMPTZ NOT NULL,
  kind    TEXT NOT NULL,
  actor   TEXT NOT NULL,          -- "admin:alice", "key:ci", "server:build-01", "anonymous", or the name tried
  address TEXT,                   -- the client's address as the server saw it
  detail  JSONB NOT NULL DEFAULT '{}'
);
CREATE INDEX security_events_at ON security_events (at DESC, id DESC);
CREATE INDEX security_events_kind ON security_events (kind, at DESC);
