-- Goals and quotes can be deleted and restored like the other facts: they
-- are marked, not removed, so nothing a curator deletes is lost.
ALTER TABLE goals ADD COLUMN deleted_at TEXT;
ALTER TABLE quotes ADD COLUMN deleted_at TEXT;
