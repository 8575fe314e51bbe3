-- Sessions are signed cookies with nothing stored per session: a person ends all of theirs at
-- once (by changing the password or logging out everywhere) by moving this mark past them.
ALTER TABLE admin_users ADD COLUMN sessions_revoked_at TIMESTAMPTZ;
