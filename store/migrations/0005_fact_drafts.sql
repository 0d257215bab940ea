-- Goals and quotes start as drafts when curators enter them, like every
-- other new record; what was there before this migration stays published.
ALTER TABLE goals ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE quotes ADD COLUMN status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
