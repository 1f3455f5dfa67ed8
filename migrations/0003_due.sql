-- Level 3: what the daily report needs, kept current as data changes, so that it reads only
-- the people who are due instead of every contact and every interaction.
--
-- contact_stats gains, per contact: its effective cadence (its own, else the shortest of its
-- types'), the weight of its heaviest type, and the day its next check-in is due (one
-- cadence after the last interaction, or after the day it was added; NULL when it has no
-- cadence or is archived). Triggers keep them current. They call two functions that kith
-- registers on every connection (src/core/store.cpp), because SQLite's own date() does not
-- clamp month ends (2024-01-31 plus a month must be 2024-02-29):
--   kith_after(day, duration)  the day a duration after a day, as kith's date module says;
--   kith_days(duration)        a duration's approximate length in days, to compare cadences.
-- Other programs can read this database; writing contacts, types or interactions from
-- outside kith fails with "no such function" instead of leaving a stale due day.

ALTER TABLE contact_stats ADD COLUMN cadence TEXT;                     -- NULL: never due
ALTER TABLE contact_stats ADD COLUMN weight INTEGER NOT NULL DEFAULT 0; -- 0: no type
ALTER TABLE contact_stats ADD COLUMN due TEXT;                         -- NULL: never due

-- The report walks each cadence's contacts from the longest overdue (docs/performance.md).
CREATE INDEX contact_stats_due_by_cadence ON contact_stats (cadence, due) WHERE due IS NOT NULL;

CREATE TRIGGER contact_stats_due AFTER UPDATE OF cadence, last_day ON contact_stats BEGIN
  UPDATE contact_stats SET due = CASE
      WHEN new.cadence IS NULL OR (SELECT archived FROM contacts WHERE id = new.contact_id)
        THEN NULL
      ELSE kith_after(coalesce(new.last_day,
                               (SELECT added_on FROM contacts WHERE id = new.contact_id)),
                      new.cadence)
    END
  WHERE contact_id = new.contact_id;
END;

-- A contact's effective cadence (its own, else the shortest of its types'; ties go to the
-- type whose name sorts first, as in effective_cadence()) and its heaviest type's weight.
-- Every trigger below recomputes from this one definition, which recomputes the due day.
CREATE VIEW contact_rhythm AS
SELECT c.id AS contact_id,
       coalesce(c.every,
                (SELECT t.every FROM contact_types ct JOIN types t ON t.id = ct.type_id
                 WHERE ct.contact_id = c.id AND t.every IS NOT NULL
                 ORDER BY kith_days(t.every), t.name LIMIT 1)) AS cadence,
       coalesce((SELECT max(t.weight) FROM contact_types ct JOIN types t ON t.id = ct.type_id
                 WHERE ct.contact_id = c.id), 0) AS weight
FROM contacts c;

DROP TRIGGER contacts_stats_row;
CREATE TRIGGER contacts_stats_row AFTER INSERT ON contacts BEGIN
  INSERT INTO contact_stats (contact_id) VALUES (new.id);
  UPDATE contact_stats SET cadence = new.every WHERE contact_id = new.id;
END;

CREATE TRIGGER contacts_cadence_changed AFTER UPDATE OF every, archived, added_on ON contacts
BEGIN
  UPDATE contact_stats SET (cadence, weight) =
    (SELECT cadence, weight FROM contact_rhythm WHERE contact_id = new.id)
  WHERE contact_id = new.id;
END;

CREATE TRIGGER contact_types_added AFTER INSERT ON contact_types BEGIN
  UPDATE contact_stats SET (cadence, weight) =
    (SELECT cadence, weight FROM contact_rhythm WHERE contact_id = new.contact_id)
  WHERE contact_id = new.contact_id;
END;

CREATE TRIGGER contact_types_removed AFTER DELETE ON contact_types BEGIN
  UPDATE contact_stats SET (cadence, weight) =
    (SELECT cadence, weight FROM contact_rhythm WHERE contact_id = old.contact_id)
  WHERE contact_id = old.contact_id;
END;

CREATE TRIGGER types_cadence_changed AFTER UPDATE OF every, weight ON types BEGIN
  UPDATE contact_stats SET (cadence, weight) =
    (SELECT cadence, weight FROM contact_rhythm r WHERE r.contact_id = contact_stats.contact_id)
  WHERE contact_id IN (SELECT contact_id FROM contact_types WHERE type_id = new.id);
END;

-- Existing contacts: compute everything once.
UPDATE contact_stats SET (cadence, weight) =
  (SELECT cadence, weight FROM contact_rhythm r WHERE r.contact_id = contact_stats.contact_id);

-- An interaction changed in place (an import replacing an older copy) moves its people's
-- summary with it: the link table's day, the last day, the weighted sums and the last day you
-- gave, each kept exact without rescanning the person's interactions except when the latest
-- gift is taken back.
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
        THEN (SELECT max(p.day) FROM interaction_people p
              JOIN interactions i ON i.id = p.interaction_id
              WHERE p.contact_id = contact_stats.contact_id AND i.direction = 'gave')
      WHEN new.direction = 'gave' THEN max(coalesce(last_gave_day, ''), new.day)
      ELSE last_gave_day
    END
  WHERE contact_id IN (SELECT contact_id FROM interaction_people WHERE interaction_id = new.id);
END;

-- Open promises and booked outreach, by person: they weigh in the ranking.
CREATE INDEX reminders_open_by_kind ON reminders (kind, contact_id, due)
  WHERE done_on IS NULL;

-- Birthdays and important dates by month and day, for "coming up" without reading everyone.
CREATE INDEX contacts_by_birthday ON contacts (substr(birthday, -5))
  WHERE birthday IS NOT NULL AND archived = 0;
CREATE INDEX important_dates_by_day ON important_dates (substr(day, -5));
