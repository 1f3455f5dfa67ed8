-- Contacts kept in a vdir (kith sync --contacts DIR): what kith last wrote or read in each card
-- file, so that the next sync tells an edit made in the folder from one made in kith, and a
-- deleted file from a new one. Derived from the folder and the contacts; never journaled (an
-- undo changes contacts, and the next sync carries that out to the folder).

CREATE TABLE vdir_cards (
  folder      TEXT NOT NULL,     -- the vdir, an absolute path
  file        TEXT NOT NULL,     -- the card's file name in it
  uid         TEXT,              -- the card's UID as written; NULL once its contact is deleted
  -- The contact the card is; NULL once that contact is deleted (kith rm, merge, an undo): the
  -- next sync removes the file, and this row with it.
  contact_id  INTEGER,
  base        TEXT,              -- the card as kith last wrote or read it; NULL as contact_id
  contact_rev TEXT,              -- the contact's updated_at when base was made
  -- The file as kith last saw it: unchanged mtime, size and inode mean an unchanged card,
  -- read without opening it.
  mtime_ns    INTEGER NOT NULL,
  size        INTEGER NOT NULL,
  inode       INTEGER NOT NULL,
  PRIMARY KEY (folder, file)
) STRICT, WITHOUT ROWID;
CREATE INDEX vdir_cards_by_contact ON vdir_cards (contact_id) WHERE contact_id IS NOT NULL;
-- What a sync lists of every card, without reading the card texts (Store::vdir_cards): a sync
-- with nothing new reads this index and the contacts' stamps, not megabytes of cards.
CREATE INDEX vdir_cards_listing
  ON vdir_cards (folder, file, contact_id, contact_rev, mtime_ns, size, inode);

-- kith rm leaves no trace of a person: the card text kith kept goes with the contact, and only
-- what the next sync needs to remove the file stays.
CREATE TRIGGER vdir_cards_forget AFTER DELETE ON contacts BEGIN
  UPDATE vdir_cards SET uid = NULL, contact_id = NULL, base = NULL, contact_rev = NULL
  WHERE contact_id = OLD.id;
END;
