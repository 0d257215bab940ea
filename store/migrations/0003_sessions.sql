-- Curator sessions. The cookie carries only a random id; the row holds the
-- rest, so a session can be revoked (logout, password change) and expires
-- when idle and at an absolute deadline whatever the cookie says. id is
-- the SHA-256 of the cookie's token, so a copy of the database does not
-- hand out live sessions.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  data TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- Keys that sign the session cookie. The newest signs; every key still
-- here verifies, so rotating a key does not log everyone out at once.
CREATE TABLE session_keys (
  id INTEGER PRIMARY KEY,
  hash_key BLOB NOT NULL CHECK (length(hash_key) >= 32),
  created_at TEXT NOT NULL
) STRICT;
