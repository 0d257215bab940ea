-- A citation can now be corrected in place (its source or passage): the
-- entries that show it change for readers too.
CREATE TRIGGER public_citations_update AFTER UPDATE ON citations BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'public_version';
END;
