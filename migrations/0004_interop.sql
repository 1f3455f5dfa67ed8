-- Level 4: interop. What ties a contact to the same person in other address books, so that
-- importing a vCard or LinkedIn file again updates the contact instead of adding another.

CREATE TABLE external_ids (
  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  source     TEXT NOT NULL CHECK (source IN ('vcard', 'linkedin')),
  value      TEXT NOT NULL CHECK (length(value) > 0),  -- a vCard UID; a LinkedIn profile URL
  since      TEXT,                  -- 'YYYY-MM-DD': when you connected (LinkedIn's Connected On)
  PRIMARY KEY (source, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX external_ids_by_contact ON external_ids (contact_id);

-- vCard and LinkedIn imports recognise a known person by an email, ignoring ASCII case.
CREATE INDEX contact_channels_by_email ON contact_channels (lower(value)) WHERE kind = 'email';

-- The built-in types as shipped carry one fixed timestamp in every database, so that a kith
-- JSON import (which keeps the newer of two records by updated_at) sees an unchanged
-- built-in type in another database as equal, and a changed one as newer.
UPDATE types SET
  created_at = '2000-01-01T00:00:00.000Z',
  updated_at = CASE WHEN updated_at = created_at THEN '2000-01-01T00:00:00.000Z'
                    ELSE updated_at END
WHERE builtin = 1;
