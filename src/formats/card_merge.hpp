// The three-way merge of a contact kept in a vdir (kith sync --contacts): what kith last wrote
// or read in the card (the base), the card as it is now, and the contact as kith has it now,
// each read as a ContactPatch. Pure: no database, no clock.
#pragma once

#include <string>
#include <vector>

#include "contact_patch.hpp"
#include "kith/contact.hpp"

namespace kith::formats {

struct CardMerge {
  ContactPatch merged;                 // the fields the contact and its card end with
  std::vector<std::string> conflicts;  // fields both sides changed differently ("note")
};

// Merges field by field. A field only one side changed (against `base`) takes that side's
// value; one both changed alike takes it; one both changed differently is a conflict, which
// the newer side wins: the card when `card_newer` (its REV is later than the contact's last
// change), else kith. Lists (other names, emails, phones, tags, types) merge element by
// element against the base: what either side added is added, what either side removed is
// removed. Dates merge by label. kith's own fields (types, cadence, circle, learn, offer, met
// via, dates other than the anniversary) that the card lacks while the base had them are
// unchanged on the card's side, never cleared: a server or phone that dropped kith's X-
// properties clears nothing. The name is never empty (each side has one).
CardMerge merge_card(const ContactPatch& base, const ContactPatch& card, const ContactPatch& kith,
                     bool card_newer);

// True when the two say the same about the person in every field merge_card merges (tags,
// types and other names in any order): a card that says what its contact says needs no
// rewriting, whatever its formatting, REV or version.
bool same_fields(const ContactPatch& a, const ContactPatch& b);

// Sets every field a card holds (name, other names, emails, phones, tags, types, org, title,
// note, learn, offer, birthday, dates, cadence, circle, met via as written) to the patch's
// exactly: an absent value clears the field, a list replaces kith's. Returns true when
// anything changed. The contact's uuid, archived flag, introducer link and added day are not
// touched.
bool assign(const ContactPatch& patch, Contact& contact);

}  // namespace kith::formats
