-- A curator who reviews an import's conflict and keeps this record's
-- version says so: kept_at and kept_by. The record's own version stays, so
-- that the public page still says the two differ; a later import that
-- brings another version of the stop asks again.
ALTER TABLE record_versions ADD COLUMN kept_at TEXT;
ALTER TABLE record_versions ADD COLUMN kept_by TEXT NOT NULL DEFAULT '';
