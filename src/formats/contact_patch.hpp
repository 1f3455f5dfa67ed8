// What another address book (a vCard, a LinkedIn export) says about a person, and how it is
// merged into a kith contact: the fields it has replace kith's, the fields it lacks are kept,
// and its lists (emails, phones, tags, types, dates, external ids) are added to kith's.
// Pure: no database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/contact.hpp"
#include "kith/records.hpp"

namespace kith::formats {

struct ContactPatch {
  int line = 0;                    // where the person begins in the file
  std::vector<std::string> uids;   // vCard UID and X-KITH-UID values, as written
  std::optional<std::string> uid;  // the card's own UID (its first), as written
  std::string name;                // never empty
  std::vector<std::string> akas;   // nicknames (vCard NICKNAME)
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::vector<std::string> tags;
  std::vector<std::string> types;  // type names; the importer drops unknown ones
  std::optional<std::string> org;
  std::optional<std::string> title;
  std::optional<std::string> note;
  std::optional<std::string> learn;
  std::optional<std::string> offer;
  std::optional<YearlyDate> birthday;
  std::vector<ImportantDate> dates;
  std::optional<Duration> every;
  std::optional<int> circle;
  std::optional<std::string> met_via;          // as written
  std::optional<std::string> met_via_contact;  // the introducer's uuid, when given
  std::optional<bool> archived;
  std::vector<ExternalId> external_ids;
  std::vector<std::string> tags_when_new;  // tags only a newly added contact gets
  std::optional<std::string> rev;          // the card's REV, as a kith timestamp
};

// Merges the patch into `contact` and `ids` as the header describes (met_via_id is left to
// the caller, who can resolve met_via_contact). Emails match ignoring ASCII case, phones by
// their digits, other names by their key (one that folds to the name is left out), dates and
// external ids by label and key (a patch's value replaces kith's). Returns true when anything
// changed.
bool apply(const ContactPatch& patch, Contact& contact, std::vector<ExternalId>& ids);

}  // namespace kith::formats
