-- The search index is rewritten only when an entry's words change: setting
-- has_sources or the status of an entry rewrote its whole FTS row, twice
-- per trip on an import.
DROP TRIGGER entries_fts_update;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, summary, localities, search_text ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, title, summary, localities, search_text)
  VALUES ('delete', old.id, old.title, old.summary, old.localities, old.search_text);
  INSERT INTO entries_fts(rowid, title, summary, localities, search_text)
  VALUES (new.id, new.title, new.summary, new.localities, new.search_text);
END;
