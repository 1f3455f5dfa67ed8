-- Level 1: relationship types and contacts.
--
-- Conventions: every record has an integer id, a stable uuid (export and sync merge on it),
-- and created_at/updated_at timestamps (UTC, ISO 8601 with milliseconds). Calendar days are
-- TEXT 'YYYY-MM-DD'. Durations are TEXT like '30d', '2w', '3m', '1y'. Values written here are
-- frozen: renaming one needs a migration.

PRAGMA application_id = 1263096904;  -- 0x4B495448, "KITH"

CREATE TABLE types (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  every      TEXT,                                   -- default cadence, NULL = none
  weight     INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
  builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- The built-in types. Their uuids are fixed so that two databases agree on them.
INSERT INTO types (uuid, name, every, weight, builtin) VALUES
  ('6b1f0c3e-0a8e-4c49-9d0c-4b4954480001', 'mentor',   '6w', 4, 1),
  ('6b1f0c3e-0a8e-4c49-9d0c-4b4954480002', 'sponsor',  '4w', 5, 1),
  ('6b1f0c3e-0a8e-4c49-9d0c-4b4954480003', 'peer',     '8w', 2, 1),
  ('6b1f0c3e-0a8e-4c49-9d0c-4b4954480004', 'manager',  '2w', 4, 1),
  ('6b1f0c3e-0a8e-4c49-9d0c-4b4954480005', 'report',   '2w', 3, 1),
  ('6b1f0c3e-0a8e-4c49-9d0c-4b4954480006', 'customer', '4w', 3, 1);

CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key    TEXT NOT NULL,                          -- name folded for matching (see text.hpp)
  every       TEXT,                                   -- own cadence, overrides the types'
  org         TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  birthday    TEXT,                                   -- 'YYYY-MM-DD' or '--MM-DD' (no year)
  circle      INTEGER CHECK (circle BETWEEN 1 AND 3),
  met_via     TEXT NOT NULL DEFAULT '',               -- who introduced you, as written
  met_via_id  INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  learn       TEXT NOT NULL DEFAULT '',
  offer       TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  added_on    TEXT NOT NULL,                          -- the calendar day it was added
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX contacts_by_name_key ON contacts (name_key);

CREATE TABLE contact_types (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  type_id    INTEGER NOT NULL REFERENCES types (id) ON DELETE RESTRICT,
  PRIMARY KEY (contact_id, type_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_types_by_type ON contact_types (type_id);

CREATE TABLE contact_tags (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (contact_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_tags_by_tag ON contact_tags (tag);

-- Emails and phones, in the order given.
CREATE TABLE contact_channels (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
  position   INTEGER NOT NULL,
  value      TEXT NOT NULL,
  PRIMARY KEY (contact_id, kind, position)
) STRICT, WITHOUT ROWID;
