-- A fingerprint of the fields an import gave a stop (empty for stops
-- curators entered): a later import updates a stop whose fields still have
-- that fingerprint, and reports one a curator changed as a conflict.
ALTER TABLE stops ADD COLUMN import_hash TEXT NOT NULL DEFAULT '';
