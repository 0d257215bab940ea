-- Whether an entry has a source (its record's own citations, and a trip's
-- stops'), kept by the store with the entry, so the "has sources" filter
-- and its count are a column test instead of a lookup per row.
ALTER TABLE entries ADD COLUMN has_sources INTEGER NOT NULL DEFAULT 0 CHECK (has_sources IN (0, 1));
UPDATE entries SET has_sources = EXISTS (
  SELECT 1 FROM citations c JOIN sources s ON s.id = c.source_id
  WHERE s.deleted_at IS NULL AND ((c.subject_kind = entries.kind AND c.subject_id = entries.record_id)
     OR (entries.kind = 'trip' AND c.subject_kind = 'stop' AND c.subject_id IN (SELECT id FROM stops WHERE trip_id = entries.record_id))));
