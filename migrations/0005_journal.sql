-- Correcting the record (issue 16): cancelled reminders, and the journal of changes that
-- kith undo and kith redo work from.

-- A reminder or promise dropped without being done: done_on holds the day it was cancelled
-- (so it leaves every open list and index like a done one), and this flag says it was not
-- done.
ALTER TABLE reminders ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0
  CHECK (cancelled IN (0, 1));

-- One row per write command that changed something (one change), newest last. The changes
-- themselves are SQLite session changesets of the base tables, in chunks (an import records
-- one chunk per some thousands of rows, so that no chunk has to be held whole in memory).
-- The per-person summaries and the full-text indexes are derived: they are recomputed after
-- an undo or a redo, never journaled.
CREATE TABLE journal (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,    -- what kith undo ID names; never reused
  seq        INTEGER NOT NULL,                     -- the journal's clock when it was made
  undone_seq INTEGER,                              -- the clock when undone; NULL while in force
  day        TEXT NOT NULL,                        -- the calendar day of the command (--today)
  at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  command    TEXT NOT NULL,                        -- 'log', 'amend', 'import'...
  summary    TEXT NOT NULL,                        -- one readable line: what it did
  -- How many records of each kind it added, changed or removed.
  contacts     INTEGER NOT NULL DEFAULT 0,
  interactions INTEGER NOT NULL DEFAULT 0,
  reminders    INTEGER NOT NULL DEFAULT 0,
  types        INTEGER NOT NULL DEFAULT 0,
  bytes      INTEGER NOT NULL                      -- the size of its changesets
) STRICT;
CREATE INDEX journal_by_undone ON journal (undone_seq) WHERE undone_seq IS NOT NULL;

CREATE TABLE journal_chunks (
  id         INTEGER PRIMARY KEY,                  -- the order chunks were recorded in
  entry_id   INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
  changeset  BLOB NOT NULL
) STRICT;
CREATE INDEX journal_chunks_by_entry ON journal_chunks (entry_id, id);

-- Who each change touched, so that kith rm can erase every change that holds a trace of the
-- person. No foreign key: a change outlives a merged-away contact.
CREATE TABLE journal_people (
  contact_id INTEGER NOT NULL,
  entry_id   INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, entry_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX journal_people_by_entry ON journal_people (entry_id);

-- The journal's clock: one tick per write and per undo. A redo is allowed only while nothing
-- was written after the undo it reverts (kith rm, which leaves no entry, included).
CREATE TABLE journal_clock (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  now        INTEGER NOT NULL,
  last_write INTEGER NOT NULL                      -- the tick of the last write
) STRICT;
INSERT INTO journal_clock (id, now, last_write) VALUES (1, 0, 0);
