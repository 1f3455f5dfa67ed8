-- Level 2: interactions, the give/receive ledger, reminders, important dates and full-text
-- search.

CREATE TABLE interactions (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  day        TEXT NOT NULL,                            -- the calendar day it happened
  summary    TEXT NOT NULL CHECK (length(trim(summary)) > 0),
  -- Allowed values are spelled out with OR: an IN list of more than two makes SQLite build a
  -- temporary index on every insert, which dominated bulk imports.
  channel    TEXT CHECK (channel = 'call' OR channel = 'video' OR channel = 'email' OR
                         channel = 'message' OR channel = 'coffee' OR channel = 'meal' OR
                         channel = 'meeting' OR channel = 'event' OR channel = 'social' OR
                         channel = 'other'),
  direction  TEXT NOT NULL DEFAULT 'mutual'
             CHECK (direction = 'mutual' OR direction = 'gave' OR direction = 'received'),
  weight     INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX interactions_by_day ON interactions (day, id);

-- Who took part. `day` and the value fields are copied from the interaction so that the
-- questions asked every day (last contact, balance per person) are answered from one index.
CREATE TABLE interaction_people (
  contact_id     INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  day            TEXT NOT NULL,
  interaction_id INTEGER NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, day, interaction_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX interaction_people_by_interaction ON interaction_people (interaction_id);

-- Per-person summary kept current by triggers, so that nothing rescans the interactions:
-- last_day is the latest interaction's day; given/received are the sums of the weights of
-- the person's interactions marked 'gave'/'received'; last_gave_day the latest 'gave' day.
CREATE TABLE contact_stats (
  contact_id    INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
  last_day      TEXT,
  given         INTEGER NOT NULL DEFAULT 0,
  received      INTEGER NOT NULL DEFAULT 0,
  last_gave_day TEXT
) STRICT;
INSERT INTO contact_stats (contact_id) SELECT id FROM contacts;

CREATE TRIGGER contacts_stats_row AFTER INSERT ON contacts BEGIN
  INSERT INTO contact_stats (contact_id) VALUES (new.id);
END;

CREATE TRIGGER interaction_people_added AFTER INSERT ON interaction_people BEGIN
  UPDATE contact_stats SET
    last_day = max(coalesce(last_day, ''), new.day),
    given = given + (SELECT CASE direction WHEN 'gave' THEN weight ELSE 0 END
                     FROM interactions WHERE id = new.interaction_id),
    received = received + (SELECT CASE direction WHEN 'received' THEN weight ELSE 0 END
                           FROM interactions WHERE id = new.interaction_id),
    last_gave_day = CASE WHEN (SELECT direction FROM interactions
                               WHERE id = new.interaction_id) = 'gave'
                         THEN max(coalesce(last_gave_day, ''), new.day)
                         ELSE last_gave_day END
  WHERE contact_id = new.contact_id;
END;

-- Removing a link (or an interaction, which cascades) recomputes that person's summary from
-- the index; deletes are rare, so exactness beats cleverness here.
CREATE TRIGGER interaction_people_removed AFTER DELETE ON interaction_people BEGIN
  UPDATE contact_stats SET
    last_day = (SELECT max(day) FROM interaction_people WHERE contact_id = old.contact_id),
    given = coalesce((SELECT sum(i.weight) FROM interaction_people p
                      JOIN interactions i ON i.id = p.interaction_id
                      WHERE p.contact_id = old.contact_id AND i.direction = 'gave'), 0),
    received = coalesce((SELECT sum(i.weight) FROM interaction_people p
                         JOIN interactions i ON i.id = p.interaction_id
                         WHERE p.contact_id = old.contact_id AND i.direction = 'received'), 0),
    last_gave_day = (SELECT max(p.day) FROM interaction_people p
                     JOIN interactions i ON i.id = p.interaction_id
                     WHERE p.contact_id = old.contact_id AND i.direction = 'gave')
  WHERE contact_id = old.contact_id;
END;

CREATE TABLE reminders (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  contact_id INTEGER REFERENCES contacts (id) ON DELETE CASCADE,  -- NULL: about nobody
  kind       TEXT NOT NULL DEFAULT 'reminder'
             CHECK (kind = 'reminder' OR kind = 'promise' OR kind = 'followup' OR kind = 'plan'),
  text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
  due        TEXT NOT NULL,
  every      TEXT,                                     -- recurrence, NULL = once
  anchor     TEXT NOT NULL,                            -- first due day: the rhythm's origin
  done_on    TEXT,                                     -- NULL while open
  last_done  TEXT,                                     -- the last day it was marked done
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX reminders_open_by_due ON reminders (due) WHERE done_on IS NULL;
CREATE INDEX reminders_by_contact ON reminders (contact_id);

-- Labelled yearly dates of a person besides the birthday: 'work anniversary', 'met'.
CREATE TABLE important_dates (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
  day        TEXT NOT NULL,                            -- 'YYYY-MM-DD' or '--MM-DD' (no year)
  PRIMARY KEY (contact_id, label)
) STRICT, WITHOUT ROWID;

-- Full-text search over contacts and interaction summaries, kept in sync by triggers.
-- remove_diacritics 2 makes "jose" find "José".
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
  name, org, title, note, learn, offer,
  content = 'contacts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO contacts_fts (rowid, name, org, title, note, learn, offer)
  SELECT id, name, org, title, note, learn, offer FROM contacts;

CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
  INSERT INTO contacts_fts (rowid, name, org, title, note, learn, offer)
  VALUES (new.id, new.name, new.org, new.title, new.note, new.learn, new.offer);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, name, org, title, note, learn, offer)
  VALUES ('delete', old.id, old.name, old.org, old.title, old.note, old.learn, old.offer);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, org, title, note, learn, offer
ON contacts BEGIN
  INSERT INTO contacts_fts (contacts_fts, rowid, name, org, title, note, learn, offer)
  VALUES ('delete', old.id, old.name, old.org, old.title, old.note, old.learn, old.offer);
  INSERT INTO contacts_fts (rowid, name, org, title, note, learn, offer)
  VALUES (new.id, new.name, new.org, new.title, new.note, new.learn, new.offer);
END;

CREATE VIRTUAL TABLE interactions_fts USING fts5 (
  summary,
  content = 'interactions', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER interactions_fts_insert AFTER INSERT ON interactions BEGIN
  INSERT INTO interactions_fts (rowid, summary) VALUES (new.id, new.summary);
END;
CREATE TRIGGER interactions_fts_delete AFTER DELETE ON interactions BEGIN
  INSERT INTO interactions_fts (interactions_fts, rowid, summary)
  VALUES ('delete', old.id, old.summary);
END;
CREATE TRIGGER interactions_fts_update AFTER UPDATE OF summary ON interactions BEGIN
  INSERT INTO interactions_fts (interactions_fts, rowid, summary)
  VALUES ('delete', old.id, old.summary);
  INSERT INTO interactions_fts (rowid, summary) VALUES (new.id, new.summary);
END;
