-- Level 9: the daily loop (issue 19). Three new kinds of dated items about a person live among
-- the reminders, so that they travel wherever reminders do (export and import, device sync,
-- merge, kith rm, the journal of changes):
--   meeting  a recurring meeting with the person (a 1:1); a logged interaction with them
--            completes the current occurrence, and it stands for a check-in (docs/ranking.md);
--   topic    something to raise with the person next time (kith agenda): `due` is the day it
--            was raised; done_on is set when a log covers it, and with `cancelled` when it is
--            dropped;
--   skip     "not this round" (kith skip): closed the day it is made (due = done_on = that day),
--            its text the note, if any. The next check-in is due one cadence after the latest
--            of the last interaction and the last skip.
--
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt with the same columns
-- in the same order (the journal's changesets name columns by position), and its indexes and
-- triggers are made again.

CREATE TABLE reminders_rebuilt (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,  -- NULL: about nobody
  kind       TEXT NOT NULL DEFAULT 'reminder'
             CHECK (kind IN ('reminder', 'promise', 'followup', 'plan', 'meeting', 'topic',
                             'skip')),
  text       TEXT NOT NULL CHECK (kind = 'skip' OR length(trim(text)) > 0),
  due        TEXT NOT NULL,
  every      TEXT,                                     -- recurrence, NULL = once
  anchor     TEXT NOT NULL,                            -- first due day: the rhythm's origin
  done_on    TEXT,                                     -- NULL while open
  last_done  TEXT,                                     -- the last day it was marked done
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  cancelled  INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  CHECK (kind NOT IN ('meeting', 'topic', 'skip') OR contact_id IS NOT NULL),
  CHECK (kind <> 'meeting' OR every IS NOT NULL)
) STRICT;
INSERT INTO reminders_rebuilt SELECT * FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_rebuilt RENAME TO reminders;

-- Open reminders by due day, for the report and `kith reminders`; agenda topics are not due on
-- a day and are read by person instead.
CREATE INDEX reminders_open_by_due ON reminders (due) WHERE done_on IS NULL AND kind <> 'topic';
CREATE INDEX reminders_by_contact ON reminders (contact_id);
CREATE INDEX reminders_open_by_kind ON reminders (kind, contact_id, due) WHERE done_on IS NULL;
CREATE INDEX reminders_skips ON reminders (contact_id, due) WHERE kind = 'skip';

-- The sync triggers of 0007, made again for the rebuilt table.
CREATE TRIGGER sync_reminder_added AFTER INSERT ON reminders
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (new.uuid, 'reminder', '*', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_reminder_deleted AFTER DELETE ON reminders
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (old.uuid, 'reminder', '-', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_reminder_changed AFTER UPDATE ON reminders
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT new.uuid, 'reminder', f, '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM (SELECT 'contact' AS f WHERE old.contact_id IS NOT new.contact_id
        UNION ALL SELECT 'kind' WHERE old.kind IS NOT new.kind
        UNION ALL SELECT 'text' WHERE old.text IS NOT new.text
        UNION ALL SELECT 'due' WHERE old.due IS NOT new.due
        UNION ALL SELECT 'every' WHERE old.every IS NOT new.every
        UNION ALL SELECT 'anchor' WHERE old.anchor IS NOT new.anchor
        UNION ALL SELECT 'done_on' WHERE old.done_on IS NOT new.done_on
        UNION ALL SELECT 'last_done' WHERE old.last_done IS NOT new.last_done
        UNION ALL SELECT 'cancelled' WHERE old.cancelled IS NOT new.cancelled);
END;

-- The latest skip of each person, kept in the summary; the due day counts from it too.
ALTER TABLE contact_stats ADD COLUMN skip_day TEXT;  -- NULL: never skipped

CREATE TRIGGER reminders_skip_added AFTER INSERT ON reminders WHEN new.kind = 'skip' BEGIN
  UPDATE contact_stats SET skip_day =
    (SELECT max(due) FROM reminders WHERE contact_id = new.contact_id AND kind = 'skip')
  WHERE contact_id = new.contact_id;
END;
CREATE TRIGGER reminders_skip_removed AFTER DELETE ON reminders WHEN old.kind = 'skip' BEGIN
  UPDATE contact_stats SET skip_day =
    (SELECT max(due) FROM reminders WHERE contact_id = old.contact_id AND kind = 'skip')
  WHERE contact_id = old.contact_id;
END;
CREATE TRIGGER reminders_skip_changed AFTER UPDATE OF contact_id, kind, due ON reminders
WHEN old.kind = 'skip' OR new.kind = 'skip' BEGIN
  UPDATE contact_stats SET skip_day =
    (SELECT max(due) FROM reminders WHERE contact_id = contact_stats.contact_id AND kind = 'skip')
  WHERE contact_id IN (old.contact_id, new.contact_id);
END;

DROP TRIGGER contact_stats_due;
CREATE TRIGGER contact_stats_due AFTER UPDATE OF cadence, last_day, skip_day ON contact_stats
BEGIN
  UPDATE contact_stats SET due = CASE
      WHEN new.cadence IS NULL OR (SELECT archived FROM contacts WHERE id = new.contact_id)
        THEN NULL
      ELSE kith_after(max(coalesce(new.last_day,
                                   (SELECT added_on FROM contacts WHERE id = new.contact_id)),
                          coalesce(new.skip_day, '')),
                      new.cadence)
    END
  WHERE contact_id = new.contact_id;
END;
