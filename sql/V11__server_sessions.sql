-- Admin-app sessions live on the server: the cookie holds a random token, a row holds its hash,
-- so logging out ends that session everywhere at once, and a session idle too long ends too.
CREATE TABLE admin_sessions (
  id           TEXT PRIMARY KEY,          -- SHA-256 of the cookie's token, never the token
  user_id      UUID NOT NULL REFERENCES admin_users (id) ON DELETE CASCADE,
  created_at   TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL,
  revoked_at   TIMESTAMPTZ,
  address      TEXT,
  user_agent   TEXT
);
CREATE INDEX admin_sessions_open ON admin_sessions (user_id) WHERE revoked_at IS NULL;
