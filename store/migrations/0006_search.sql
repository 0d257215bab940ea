-- Full-text search over the timeline (SQLite FTS5; the binary is built with
-- the sqlite_fts5 tag). The index is an external-content table over
-- entries, kept in step by triggers, so every path that writes an entry —
-- forms, the seed, the generator, imports — keeps it right. search_text
-- holds the words of a record that are not on its entry: a trip's stop
-- remarks, goals, quotes and its sources' titles and passages; a meeting's
-- participants; only published ones.
ALTER TABLE entries ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE entries_fts USING fts5(
  title, summary, localities, search_text,
  content = 'entries', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts(rowid, title, summary, localities, search_text)
  VALUES (new.id, new.title, new.summary, new.localities, new.search_text);
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, title, summary, localities, search_text)
  VALUES ('delete', old.id, old.title, old.summary, old.localities, old.search_text);
END;

CREATE TRIGGER entries_fts_update AFTER UPDATE ON entries BEGIN
  INSERT INTO entries_fts(entries_fts, rowid, title, summary, localities, search_text)
  VALUES ('delete', old.id, old.title, old.summary, old.localities, old.search_text);
  INSERT INTO entries_fts(rowid, title, summary, localities, search_text)
  VALUES (new.id, new.title, new.summary, new.localities, new.search_text);
END;

INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
