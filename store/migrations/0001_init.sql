-- The record's schema. Dates are ISO 8601 text (YYYY-MM-DD) so that they sort
-- chronologically and read plainly in the sqlite3 shell; timestamps are
-- RFC 3339 UTC text. Records that curators can delete carry deleted_at: a
-- deleted record stays until restored, and its revisions keep every version.

CREATE TABLE countries (
  code TEXT PRIMARY KEY CHECK (length(code) IN (2, 4) AND code = upper(code)),
  name TEXT NOT NULL,
  historic INTEGER NOT NULL DEFAULT 0 CHECK (historic IN (0, 1)),
  successor TEXT REFERENCES countries(code)
) STRICT;

-- Every spelling and id under which outside data names a country, as the
-- key timeline.NormalizeAlias makes of it.
CREATE TABLE country_aliases (
  alias TEXT PRIMARY KEY,
  code TEXT NOT NULL REFERENCES countries(code)
) STRICT;
CREATE INDEX country_aliases_code ON country_aliases(code);

CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT
);

CREATE TABLE region_members (
  region TEXT NOT NULL REFERENCES regions(code) ON UPDATE CASCADE ON DELETE CASCADE,
  country TEXT NOT NULL REFERENCES countries(code),
  PRIMARY KEY (region, country)
) STRICT;
CREATE INDEX region_members_country ON region_members(country, region);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL CHECK (name <> ''),
  country TEXT REFERENCES countries(code),
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE person_aliases (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  PRIMARY KEY (person_id, alias)
) STRICT;

CREATE TABLE offices (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (title <> ''),
  body TEXT NOT NULL DEFAULT '',
  country TEXT REFERENCES countries(code),
  start_date TEXT,
  end_date TEXT,
  CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX offices_person ON offices(person_id, start_date);

CREATE TABLE trips (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  title TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX trips_person_start ON trips(person_id, start_date);

-- person_id repeats the trip's traveller so that a duplicate stop is refused
-- by the unique index whatever trip it is put in, and so that counters can
-- regroup a traveller's stops without a join.
CREATE TABLE stops (
  id INTEGER PRIMARY KEY,
  trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id),
  seq INTEGER NOT NULL,
  country TEXT NOT NULL REFERENCES countries(code),
  locality TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  remarks TEXT NOT NULL DEFAULT '',
  ref TEXT NOT NULL DEFAULT '',
  CHECK (end_date >= start_date)
) STRICT;
CREATE UNIQUE INDEX stops_unique ON stops(person_id, start_date, end_date, country, locality);
CREATE INDEX stops_trip ON stops(trip_id, seq);
CREATE INDEX stops_country ON stops(country, start_date);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  trip_id INTEGER REFERENCES trips(id) ON DELETE CASCADE,
  stop_id INTEGER REFERENCES stops(id) ON DELETE SET NULL,
  date TEXT NOT NULL,
  title TEXT NOT NULL CHECK (title <> ''),
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_trip ON meetings(trip_id, date);
CREATE INDEX meetings_stop ON meetings(stop_id);

CREATE TABLE participants (
  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id),
  office_id INTEGER REFERENCES offices(id) ON DELETE SET NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, person_id)
) STRICT;
CREATE INDEX participants_person ON participants(person_id);

CREATE TABLE goals (
  id INTEGER PRIMARY KEY,
  trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
  text TEXT NOT NULL CHECK (text <> ''),
  stated_by INTEGER REFERENCES people(id),
  outcome TEXT NOT NULL DEFAULT '',
  seq INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX goals_trip ON goals(trip_id, seq);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL CHECK (title <> ''),
  kind TEXT NOT NULL DEFAULT 'other',
  date TEXT NOT NULL,
  precision TEXT NOT NULL DEFAULT 'day' CHECK (precision IN ('day', 'month', 'year')),
  end_date TEXT,
  country TEXT REFERENCES countries(code),
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= date)
) STRICT;
CREATE INDEX events_date ON events(date);

-- url is canonical (timeline.CanonicalURL), so one article is one source.
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE CHECK (url LIKE 'http://%' OR url LIKE 'https://%'),
  title TEXT NOT NULL CHECK (title <> ''),
  publisher TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  published TEXT,
  archive_url TEXT NOT NULL DEFAULT '' CHECK (archive_url = '' OR archive_url LIKE 'http://%' OR archive_url LIKE 'https://%'),
  notes TEXT NOT NULL DEFAULT '',
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- A citation points at any fact by kind and id; the kinds are checked here
-- and the store removes a fact's citations in the transaction that purges
-- the fact.
CREATE TABLE citations (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('trip', 'stop', 'meeting', 'goal', 'event', 'claim', 'quote')),
  subject_id INTEGER NOT NULL,
  passage TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (subject_kind, subject_id, source_id, passage)
) STRICT;
CREATE INDEX citations_source ON citations(source_id);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  date TEXT NOT NULL,
  trip_id INTEGER REFERENCES trips(id) ON DELETE CASCADE,
  stop_id INTEGER REFERENCES stops(id) ON DELETE SET NULL,
  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
  text TEXT NOT NULL CHECK (text <> '')
) STRICT;
CREATE INDEX quotes_trip ON quotes(trip_id);
CREATE INDEX quotes_person ON quotes(person_id, date);

CREATE TABLE counters (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  region TEXT REFERENCES regions(code) ON UPDATE CASCADE,
  country TEXT REFERENCES countries(code),
  since TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT 'trips' CHECK (unit IN ('trips', 'stops')),
  rule TEXT NOT NULL DEFAULT 'stored' CHECK (rule IN ('stored', 'gap')),
  gap_days INTEGER NOT NULL DEFAULT 0 CHECK (gap_days BETWEEN 0 AND 60),
  label TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX counters_person ON counters(person_id);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  trip_id INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  stated INTEGER NOT NULL CHECK (stated > 0),
  text TEXT NOT NULL CHECK (text <> ''),
  status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX claims_trip ON claims(trip_id);
CREATE INDEX claims_counter ON claims(counter_id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'curator' CHECK (role IN ('curator', 'admin')),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
) STRICT;

-- One row per change, written in the transaction of the change. before and
-- after are the record as JSON (NULL for a creation's before and a
-- deletion's after). actor is the account, or a command such as 'seed' or
-- 'import' when no account made the change.
CREATE TABLE revisions (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'publish')),
  before TEXT,
  after TEXT,
  reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX revisions_record ON revisions(kind, record_id, id);
CREATE INDEX revisions_user ON revisions(user_id, id);

-- The timeline: one row per trip, meeting and event, kept in step with its
-- record in the same transaction. It is what the timeline page, its filters
-- and its exports read, so that a page of 50 entries is one indexed range
-- scan however large the record. countries holds the codes in visit order
-- separated by spaces, for display; entry_countries indexes them.
CREATE TABLE entries (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('trip', 'meeting', 'event')),
  record_id INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  precision TEXT NOT NULL DEFAULT 'day',
  person_id INTEGER REFERENCES people(id),
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  countries TEXT NOT NULL DEFAULT '',
  localities TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  UNIQUE (kind, record_id)
) STRICT;
CREATE INDEX entries_start ON entries(start_date, id);
CREATE INDEX entries_person ON entries(person_id, start_date, id);
CREATE INDEX entries_kind ON entries(kind, start_date, id);

CREATE TABLE entry_countries (
  country TEXT NOT NULL,
  entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  PRIMARY KEY (country, start_date, entry_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_countries_entry ON entry_countries(entry_id);

-- Settings the program keeps for itself, such as the data version that
-- caches are keyed by.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta(key, value) VALUES ('data_version', '0');
