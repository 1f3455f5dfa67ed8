-- Beyond every other tool (issue 20): career goals and the people who can help with them,
-- who knows whom (the introductions graph), and people you want to meet but do not know yet.

-- A target: someone you want to meet but do not know yet. Never due, never in the report;
-- `kith path` finds the warmest routes to them. Added last, as ALTER TABLE must: the
-- journal's changesets name columns by position, and the earlier ones keep theirs.
ALTER TABLE contacts ADD COLUMN target INTEGER NOT NULL DEFAULT 0 CHECK (target IN (0, 1));

-- A career goal: what you want, by when, and the roles it needs among its people ("mentor",
-- "mentor,sponsor": the gaps `kith goal` names when nobody linked has that role).
CREATE TABLE goals (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  by_day     TEXT,                                   -- 'YYYY-MM-DD', NULL: no deadline
  needs      TEXT NOT NULL DEFAULT 'mentor',         -- comma-separated roles, '' for none
  added_on   TEXT NOT NULL,                          -- the calendar day it was set
  done_on    TEXT,                                   -- NULL while open
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- The people of a goal, each in a role: a type's name (mentor, sponsor, peer...) or '' when
-- the link says only "can help".
CREATE TABLE goal_people (
  goal_id    INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  role       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (goal_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX goal_people_by_contact ON goal_people (contact_id);

-- "A knows B", both ways: recorded by `kith knows` and `kith intro`. The introducer links of
-- contacts.met_via_id and people logged in the same interaction count as links too, but are
-- read from where they live, never copied here. A pair may appear twice when two devices
-- recorded it before they met: readers take the pair once.
CREATE TABLE knows (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  a          INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  b          INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  how        TEXT NOT NULL DEFAULT '',               -- "former colleagues at Initech"
  since      TEXT NOT NULL,                          -- the calendar day it was recorded
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (a <> b)
) STRICT;
CREATE INDEX knows_by_a ON knows (a);
CREATE INDEX knows_by_b ON knows (b);

-- A target is never due, as an archived contact is not.
DROP TRIGGER contacts_cadence_changed;
CREATE TRIGGER contacts_cadence_changed
AFTER UPDATE OF every, archived, added_on, target ON contacts
BEGIN
  UPDATE contact_stats SET (cadence, weight) =
    (SELECT cadence, weight FROM contact_rhythm WHERE contact_id = new.id)
  WHERE contact_id = new.id;
END;

DROP TRIGGER contact_stats_due;
CREATE TRIGGER contact_stats_due AFTER UPDATE OF cadence, last_day, skip_day ON contact_stats
BEGIN
  UPDATE contact_stats SET due = CASE
      WHEN new.cadence IS NULL
        OR (SELECT archived OR target FROM contacts WHERE id = new.contact_id)
        THEN NULL
      ELSE kith_after(max(coalesce(new.last_day,
                                   (SELECT added_on FROM contacts WHERE id = new.contact_id)),
                          coalesce(new.skip_day, '')),
                      new.cadence)
    END
  WHERE contact_id = new.contact_id;
END;

-- Sync (0007): the new field of contacts, and the two new kinds of record.
DROP TRIGGER sync_contact_changed;
CREATE TRIGGER sync_contact_changed AFTER UPDATE ON contacts
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT new.uuid, 'contact', f, '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM (SELECT 'name' AS f WHERE old.name IS NOT new.name
        UNION ALL SELECT 'every' WHERE old.every IS NOT new.every
        UNION ALL SELECT 'org' WHERE old.org IS NOT new.org
        UNION ALL SELECT 'title' WHERE old.title IS NOT new.title
        UNION ALL SELECT 'birthday' WHERE old.birthday IS NOT new.birthday
        UNION ALL SELECT 'circle' WHERE old.circle IS NOT new.circle
        UNION ALL SELECT 'met_via' WHERE old.met_via IS NOT new.met_via
        UNION ALL SELECT 'introducer' WHERE old.met_via_id IS NOT new.met_via_id
        UNION ALL SELECT 'learn' WHERE old.learn IS NOT new.learn
        UNION ALL SELECT 'offer' WHERE old.offer IS NOT new.offer
        UNION ALL SELECT 'note' WHERE old.note IS NOT new.note
        UNION ALL SELECT 'added_on' WHERE old.added_on IS NOT new.added_on
        UNION ALL SELECT 'archived' WHERE old.archived IS NOT new.archived
        UNION ALL SELECT 'target' WHERE old.target IS NOT new.target);
END;

CREATE TRIGGER sync_goal_added AFTER INSERT ON goals
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (new.uuid, 'goal', '*', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_goal_deleted AFTER DELETE ON goals
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (old.uuid, 'goal', '-', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_goal_changed AFTER UPDATE ON goals
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT new.uuid, 'goal', f, '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM (SELECT 'text' AS f WHERE old.text IS NOT new.text
        UNION ALL SELECT 'by' WHERE old.by_day IS NOT new.by_day
        UNION ALL SELECT 'needs' WHERE old.needs IS NOT new.needs
        UNION ALL SELECT 'added_on' WHERE old.added_on IS NOT new.added_on
        UNION ALL SELECT 'done_on' WHERE old.done_on IS NOT new.done_on);
END;

-- A goal's people: the element is the contact's uuid, its value the role. When the goal or
-- the person is being deleted, its row is gone already and nothing is recorded.
CREATE TRIGGER sync_goal_person_added AFTER INSERT ON goal_people
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT g.uuid, 'goal', 'people', c.uuid, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM goals g, contacts c WHERE g.id = new.goal_id AND c.id = new.contact_id;
END;
CREATE TRIGGER sync_goal_person_removed AFTER DELETE ON goal_people
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT g.uuid, 'goal', 'people', c.uuid, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM goals g, contacts c WHERE g.id = old.goal_id AND c.id = old.contact_id;
END;
CREATE TRIGGER sync_goal_person_changed AFTER UPDATE ON goal_people
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT g.uuid, 'goal', 'people', c.uuid, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM goals g, contacts c WHERE g.id = new.goal_id AND c.id = new.contact_id;
END;

CREATE TRIGGER sync_link_added AFTER INSERT ON knows
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (new.uuid, 'link', '*', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_link_deleted AFTER DELETE ON knows
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (old.uuid, 'link', '-', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_link_changed AFTER UPDATE ON knows
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT new.uuid, 'link', f, '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM (SELECT 'a' AS f WHERE old.a IS NOT new.a
        UNION ALL SELECT 'b' WHERE old.b IS NOT new.b
        UNION ALL SELECT 'how' WHERE old.how IS NOT new.how
        UNION ALL SELECT 'since' WHERE old.since IS NOT new.since);
END;
