-- public_version changes only when something readers can see changes: a
-- published entry (or one becoming or ceasing to be published), a
-- counter, a claim, a person, a region. Readers' caches follow it, so a
-- curator's drafts do not empty them.
INSERT INTO meta(key, value) VALUES ('public_version', '0');

CREATE TRIGGER public_entries_insert AFTER INSERT ON entries WHEN new.status = 'published' BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_entries_delete AFTER DELETE ON entries WHEN old.status = 'published' BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_entries_update AFTER UPDATE ON entries
WHEN (old.status = 'published' OR new.status = 'published') AND (old.status IS NOT new.status
  OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date OR old.precision IS NOT new.precision
  OR old.person_id IS NOT new.person_id OR old.title IS NOT new.title OR old.summary IS NOT new.summary
  OR old.countries IS NOT new.countries OR old.localities IS NOT new.localities OR old.search_text IS NOT new.search_text
  OR old.has_sources IS NOT new.has_sources) BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
-- A cited source's title or address shows on the entries that cite it.
CREATE TRIGGER public_sources AFTER UPDATE ON sources BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_citations_insert AFTER INSERT ON citations BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_citations_delete AFTER DELETE ON citations BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_counters_insert AFTER INSERT ON counters BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_counters_update AFTER UPDATE ON counters BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_claims_insert AFTER INSERT ON claims BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_claims_update AFTER UPDATE ON claims BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_people_insert AFTER INSERT ON people BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_people_update AFTER UPDATE ON people BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_regions_insert AFTER INSERT ON regions BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_regions_update AFTER UPDATE ON regions BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_members_insert AFTER INSERT ON region_members BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_members_delete AFTER DELETE ON region_members BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_counters_delete AFTER DELETE ON counters BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_claims_delete AFTER DELETE ON claims BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_people_delete AFTER DELETE ON people BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
CREATE TRIGGER public_regions_delete AFTER DELETE ON regions BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
