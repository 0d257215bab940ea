-- One person per person (DESIGN.md, "One person is one record").
--
-- person_identifiers: outside identifiers of a person, one per scheme
-- (wikidata: Q-number), shown on the person's page and exported.
CREATE TABLE person_identifiers (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  scheme TEXT NOT NULL CHECK (scheme <> ''),
  value TEXT NOT NULL CHECK (value <> ''),
  PRIMARY KEY (person_id, scheme)
) STRICT;

-- person_merges: every decision that two names, or two records, are one
-- person, with its evidence, and every split. kind 'import' is a name the
-- import joined to a person (text, the name it matched, the rule); 'merge'
-- is a curator's merge of other_id into person_id, and 'split' a curator's
-- split of other_id off person_id. moved holds, as JSON, the rows a merge
-- or split moved, so that it can be undone exactly; undone_at marks one
-- that was.
CREATE TABLE person_merges (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  other_id INTEGER REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('import', 'merge', 'split')),
  text TEXT NOT NULL DEFAULT '',
  matched TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL DEFAULT '',
  moved TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE INDEX person_merges_person ON person_merges(person_id);
CREATE INDEX person_merges_other ON person_merges(other_id);

-- record_versions: the Office of the Historian's own version of a stop that
-- a curator entered or edited otherwise (the import's conflicts), so that
-- the public page can say the two differ and show the record's wording.
-- The row goes when the stop agrees with the record again.
CREATE TABLE record_versions (
  stop_id INTEGER PRIMARY KEY REFERENCES stops(id) ON DELETE CASCADE,
  ref TEXT NOT NULL,
  country TEXT NOT NULL,
  locality TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  remarks TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '',
  seen_at TEXT NOT NULL
) STRICT;
