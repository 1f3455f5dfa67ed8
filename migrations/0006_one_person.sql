-- One person, one record (issue 17): nicknames, the uuids of contacts merged into another, and
-- name keys that match across scripts.

-- Other names a person goes by: a nickname ("Bob"), the name in another script
-- ("Дмитрий Иванов"), the name of a contact merged into this one. WHO finds a person by any of
-- them, and kith dupes compares them.
CREATE TABLE contact_akas (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  name_key   TEXT NOT NULL,                            -- kith_fold(name)
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  PRIMARY KEY (contact_id, name_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_akas_by_key ON contact_akas (name_key);

-- The uuid of each contact merged into another (kith merge): an import, a card or a sync that
-- names it lands on the contact it became part of, and never brings it back.
CREATE TABLE contact_aliases (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  uuid       TEXT NOT NULL PRIMARY KEY,
  former_id  INTEGER NOT NULL   -- the merged contact's id: kith rm forgets its changes too
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_aliases_by_contact ON contact_aliases (contact_id);

-- The folding the stored name keys were made with (kith::fold_version(): ICU's version and
-- kith's rules). When it is not this kith's, opening the database to write folds every name
-- again (src/core/migrate.cpp, refold_names). Names are now folded by ICU: the same key
-- whatever the Unicode normalisation, and written in Latin letters ("Дмитрий Иванов" ->
-- "dmitriy ivanov"); '' makes the first open fold them all.
CREATE TABLE name_folding (version TEXT NOT NULL) STRICT;
INSERT INTO name_folding (version) VALUES ('');
