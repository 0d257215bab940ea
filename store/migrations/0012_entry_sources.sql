-- An entry's sources are every source shown for its record's own facts: a
-- trip's own, its stops', and its published meetings', goals', quotes' and
-- claims' (a draft trip counts its drafts too); a meeting's or an event's
-- own. source_urls holds their URLs in source order, joined by "; ", as
-- the exports write them, so that an export reads a column instead of
-- looking the citations up row by row; has_sources follows it. The store
-- rewrites both with the entry (entrySourcesSQL), and whenever a fact of
-- the trip or a source changes.
ALTER TABLE entries ADD COLUMN source_urls TEXT NOT NULL DEFAULT '';

UPDATE entries SET source_urls = coalesce((SELECT group_concat(url, '; ') FROM (
  SELECT s.url FROM sources s WHERE s.deleted_at IS NULL AND s.id IN (
    SELECT c.source_id FROM citations c WHERE c.subject_kind = entries.kind AND c.subject_id = entries.record_id
    UNION SELECT c.source_id FROM stops x JOIN citations c ON c.subject_kind = 'stop' AND c.subject_id = x.id
      WHERE entries.kind = 'trip' AND x.trip_id = entries.record_id
    UNION SELECT c.source_id FROM meetings x JOIN citations c ON c.subject_kind = 'meeting' AND c.subject_id = x.id
      WHERE entries.kind = 'trip' AND x.trip_id = entries.record_id AND x.deleted_at IS NULL AND (x.status = 'published' OR entries.status = 'draft')
    UNION SELECT c.source_id FROM goals x JOIN citations c ON c.subject_kind = 'goal' AND c.subject_id = x.id
      WHERE entries.kind = 'trip' AND x.trip_id = entries.record_id AND x.deleted_at IS NULL AND (x.status = 'published' OR entries.status = 'draft')
    UNION SELECT c.source_id FROM quotes x JOIN citations c ON c.subject_kind = 'quote' AND c.subject_id = x.id
      WHERE entries.kind = 'trip' AND x.trip_id = entries.record_id AND x.deleted_at IS NULL AND (x.status = 'published' OR entries.status = 'draft')
    UNION SELECT c.source_id FROM claims x JOIN citations c ON c.subject_kind = 'claim' AND c.subject_id = x.id
      WHERE entries.kind = 'trip' AND x.trip_id = entries.record_id AND x.deleted_at IS NULL AND (x.status = 'published' OR entries.status = 'draft'))
  ORDER BY s.id)), '');
UPDATE entries SET has_sources = (source_urls <> '');

-- Readers' caches follow the public version: a change of an entry's
-- sources, and of what person pages show, moves it too.
DROP TRIGGER public_entries_update;
CREATE TRIGGER public_entries_update AFTER UPDATE ON entries
WHEN (old.status = 'published' OR new.status = 'published') AND (old.status IS NOT new.status
  OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date OR old.precision IS NOT new.precision
  OR old.person_id IS NOT new.person_id OR old.title IS NOT new.title OR old.summary IS NOT new.summary
  OR old.countries IS NOT new.countries OR old.localities IS NOT new.localities OR old.search_text IS NOT new.search_text
  OR old.has_sources IS NOT new.has_sources OR old.source_urls IS NOT new.source_urls) BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_aliases_insert AFTER INSERT ON person_aliases BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_aliases_delete AFTER DELETE ON person_aliases BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_offices_insert AFTER INSERT ON offices BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_offices_update AFTER UPDATE ON offices BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_offices_delete AFTER DELETE ON offices BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_identifiers_insert AFTER INSERT ON person_identifiers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_identifiers_delete AFTER DELETE ON person_identifiers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_merges_insert AFTER INSERT ON person_merges BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_merges_update AFTER UPDATE ON person_merges BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_record_versions_insert AFTER INSERT ON record_versions BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_record_versions_update AFTER UPDATE ON record_versions BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_record_versions_delete AFTER DELETE ON record_versions BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
