-- Every device, one network (issue 18): what kith sync DIR needs to converge with the other
-- kith databases that share a folder. See docs/sync.md for the rules these tables serve.

-- This database as a device: its id (random, made at its first sync), a name for people to
-- read (the host's), and the last hybrid-logical-clock value it issued or saw. One row once
-- the database has synced; none before, and then nothing below records anything.
CREATE TABLE sync_device (
  id        TEXT NOT NULL PRIMARY KEY,
  name      TEXT NOT NULL,
  clock     INTEGER NOT NULL DEFAULT 0,  -- milliseconds since 1970 << 16, plus a counter
  -- 0 while a sync applies what came in, inside its transaction: that is not news to send.
  recording INTEGER NOT NULL DEFAULT 1 CHECK (recording IN (0, 1))
) STRICT;

-- The other devices, and how far into their files this one has applied.
CREATE TABLE sync_peers (
  id       TEXT NOT NULL PRIMARY KEY,
  name     TEXT NOT NULL DEFAULT '',
  applied  INTEGER NOT NULL DEFAULT 0     -- the number of the last file applied whole
) STRICT;

-- The stamp of each field (and of each element of a set) last written by a sync or by an
-- edit since the first sync: the clock value and the device. A field without a row has the
-- least stamp of all, so that the values devices held before they first met need no row.
-- `elem` is '' for a plain field.
CREATE TABLE sync_stamps (
  uuid    TEXT NOT NULL,
  field   TEXT NOT NULL,
  elem    TEXT NOT NULL,
  clock   INTEGER NOT NULL,
  device  TEXT NOT NULL,
  PRIMARY KEY (uuid, field, elem)
) STRICT, WITHOUT ROWID;

-- What changed here since the last sync, written by the triggers below: field '*' for a new
-- record, '-' for a deleted one; `at` the wall-clock time of the edit (milliseconds), which
-- becomes its stamp at the next sync.
CREATE TABLE sync_dirty (
  uuid    TEXT NOT NULL,
  kind    TEXT NOT NULL,
  field   TEXT NOT NULL,
  elem    TEXT NOT NULL DEFAULT '',
  at      INTEGER NOT NULL,
  PRIMARY KEY (uuid, field, elem)
) STRICT, WITHOUT ROWID;

-- Records deleted on any device: a later edit from a device that had not heard of the
-- deletion never brings them back. Only the uuid and the stamp are kept: nothing of the
-- person.
CREATE TABLE sync_tombstones (
  uuid    TEXT NOT NULL PRIMARY KEY,
  kind    TEXT NOT NULL,
  clock   INTEGER NOT NULL,
  device  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Lines from other devices that name a contact this database has not heard of yet (its
-- device's file has not arrived): kept and tried again at every sync.
CREATE TABLE sync_deferred (
  id      INTEGER PRIMARY KEY,
  line    TEXT NOT NULL
) STRICT;

-- The triggers: each records what an edit changed, once this database has synced (and not
-- while a sync applies what came in).

CREATE TRIGGER sync_contact_added AFTER INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (new.uuid, 'contact', '*', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

CREATE TRIGGER sync_contact_deleted AFTER DELETE ON contacts
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (old.uuid, 'contact', '-', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;

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
        UNION ALL SELECT 'archived' WHERE old.archived IS NOT new.archived);
END;

-- An element of one of a contact's sets, added or removed. When the contact itself is being
-- deleted its row is gone already, and nothing is recorded: the deletion says it all.
CREATE TRIGGER sync_contact_type_added AFTER INSERT ON contact_types
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT c.uuid, 'contact', 'types', t.name, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts c, types t WHERE c.id = new.contact_id AND t.id = new.type_id;
END;
CREATE TRIGGER sync_contact_type_removed AFTER DELETE ON contact_types
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT c.uuid, 'contact', 'types', t.name, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts c, types t WHERE c.id = old.contact_id AND t.id = old.type_id;
END;

CREATE TRIGGER sync_contact_tag_added AFTER INSERT ON contact_tags
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'tags', new.tag, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;
CREATE TRIGGER sync_contact_tag_removed AFTER DELETE ON contact_tags
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'tags', old.tag, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
END;

-- Emails and phones: the set is "emails" or "phones", the element the value. A change of
-- position alone is no change.
CREATE TRIGGER sync_contact_channel_added AFTER INSERT ON contact_channels
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', new.kind || 's', new.value, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;
CREATE TRIGGER sync_contact_channel_removed AFTER DELETE ON contact_channels
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', old.kind || 's', old.value, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
END;
CREATE TRIGGER sync_contact_channel_changed AFTER UPDATE OF value ON contact_channels
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) AND old.value IS NOT new.value BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', old.kind || 's', old.value, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', new.kind || 's', new.value, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;

-- Important dates: the element is the label, its value the day.
CREATE TRIGGER sync_contact_date_added AFTER INSERT ON important_dates
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'dates', new.label, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;
CREATE TRIGGER sync_contact_date_removed AFTER DELETE ON important_dates
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'dates', old.label, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
END;
CREATE TRIGGER sync_contact_date_changed AFTER UPDATE ON important_dates
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'dates', new.label, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;

CREATE TRIGGER sync_contact_aka_added AFTER INSERT ON contact_akas
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'akas', new.name, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;
CREATE TRIGGER sync_contact_aka_removed AFTER DELETE ON contact_akas
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'akas', old.name, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
END;

-- External ids: the element is "source:value", its value the day you connected (or '').
CREATE TRIGGER sync_contact_external_added AFTER INSERT ON external_ids
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'external_ids', new.source || ':' || new.value,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;
CREATE TRIGGER sync_contact_external_removed AFTER DELETE ON external_ids
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'external_ids', old.source || ':' || old.value,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
END;
CREATE TRIGGER sync_contact_external_changed AFTER UPDATE ON external_ids
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'external_ids', old.source || ':' || old.value,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = old.contact_id;
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'external_ids', new.source || ':' || new.value,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;

CREATE TRIGGER sync_contact_alias_added AFTER INSERT ON contact_aliases
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'aliases', new.uuid, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;
CREATE TRIGGER sync_contact_alias_moved AFTER UPDATE OF contact_id ON contact_aliases
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT uuid, 'contact', 'aliases', new.uuid, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM contacts WHERE id = new.contact_id;
END;

CREATE TRIGGER sync_interaction_added AFTER INSERT ON interactions
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (new.uuid, 'interaction', '*', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_interaction_deleted AFTER DELETE ON interactions
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (old.uuid, 'interaction', '-', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_interaction_changed AFTER UPDATE ON interactions
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT new.uuid, 'interaction', f, '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM (SELECT 'day' AS f WHERE old.day IS NOT new.day
        UNION ALL SELECT 'summary' WHERE old.summary IS NOT new.summary
        UNION ALL SELECT 'channel' WHERE old.channel IS NOT new.channel
        UNION ALL SELECT 'direction' WHERE old.direction IS NOT new.direction
        UNION ALL SELECT 'weight' WHERE old.weight IS NOT new.weight);
END;
CREATE TRIGGER sync_interaction_person_added AFTER INSERT ON interaction_people
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT i.uuid, 'interaction', 'people', c.uuid,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM interactions i, contacts c WHERE i.id = new.interaction_id AND c.id = new.contact_id;
END;
CREATE TRIGGER sync_interaction_person_removed AFTER DELETE ON interaction_people
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT i.uuid, 'interaction', 'people', c.uuid,
         CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM interactions i, contacts c WHERE i.id = old.interaction_id AND c.id = old.contact_id;
END;

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

-- Types are matched by name across devices (two devices that each added "friend" have one
-- type), so their records are keyed by name.
CREATE TRIGGER sync_type_added AFTER INSERT ON types
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  VALUES (new.name, 'type', '*', '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER sync_type_changed AFTER UPDATE ON types
WHEN EXISTS (SELECT 1 FROM sync_device WHERE recording) BEGIN
  INSERT OR REPLACE INTO sync_dirty (uuid, kind, field, elem, at)
  SELECT new.name, 'type', f, '', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM (SELECT 'every' AS f WHERE old.every IS NOT new.every
        UNION ALL SELECT 'weight' WHERE old.weight IS NOT new.weight);
END;
