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

-- The per-person summaries follow a removed link and a changed interaction by adjusting, not
-- by summing the person's whole history again: a correction (unlog, amend, undo) of the
-- busiest person costs what logging does. The last day (and the last day you gave) are read
-- back through the links' primary key only when the removed or changed link held it.
DROP TRIGGER interaction_people_removed;
CREATE TRIGGER interaction_people_removed AFTER DELETE ON interaction_people BEGIN
  UPDATE contact_stats SET
    given = given - coalesce((SELECT CASE direction WHEN 'gave' THEN weight ELSE 0 END
                              FROM interactions WHERE id = old.interaction_id), 0),
    received = received - coalesce((SELECT CASE direction WHEN 'received' THEN weight ELSE 0 END
                                    FROM interactions WHERE id = old.interaction_id), 0),
    last_day = CASE WHEN old.day = last_day
                    THEN (SELECT max(day) FROM interaction_people WHERE contact_id = old.contact_id)
                    ELSE last_day END,
    last_gave_day = CASE WHEN old.day = last_gave_day
                         THEN (SELECT p.day FROM interaction_people p
                               JOIN interactions i ON i.id = p.interaction_id
                               WHERE p.contact_id = old.contact_id AND i.direction = 'gave'
                               ORDER BY p.day DESC LIMIT 1)
                         ELSE last_gave_day END
  WHERE contact_id = old.contact_id;
END;

-- An interaction's links go before it does, while it can still say what they counted for.
CREATE TRIGGER interactions_unlinked BEFORE DELETE ON interactions BEGIN
  DELETE FROM interaction_people WHERE interaction_id = old.id;
END;

DROP TRIGGER interactions_changed;
CREATE TRIGGER interactions_changed AFTER UPDATE OF day, direction, weight ON interactions
BEGIN
  UPDATE interaction_people SET day = new.day WHERE interaction_id = new.id AND day != new.day;
  UPDATE contact_stats SET
    given = given - (CASE old.direction WHEN 'gave' THEN old.weight ELSE 0 END)
                  + (CASE new.direction WHEN 'gave' THEN new.weight ELSE 0 END),
    received = received - (CASE old.direction WHEN 'received' THEN old.weight ELSE 0 END)
                        + (CASE new.direction WHEN 'received' THEN new.weight ELSE 0 END),
    last_day = (SELECT max(day) FROM interaction_people
                WHERE contact_id = contact_stats.contact_id),
    last_gave_day = CASE
      WHEN old.direction = 'gave' AND old.day = last_gave_day
           AND (new.direction != 'gave' OR new.day < old.day)
        THEN (SELECT p.day FROM interaction_people p
              JOIN interactions i ON i.id = p.interaction_id
              WHERE p.contact_id = contact_stats.contact_id AND i.direction = 'gave'
              ORDER BY p.day DESC LIMIT 1)
      WHEN new.direction = 'gave' THEN max(coalesce(last_gave_day, ''), new.day)
      ELSE last_gave_day
    END
  WHERE contact_id IN (SELECT contact_id FROM interaction_people WHERE interaction_id = new.id);
END;

-- Deleting a contact sets the introducer link of whoever it introduced to NULL: without an
-- index that is a scan of every contact per contact deleted (undoing an import of 20,000
-- people read 400 million rows).
CREATE INDEX contacts_by_introducer ON contacts (met_via_id) WHERE met_via_id IS NOT NULL;
