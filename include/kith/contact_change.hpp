// What the user asks to change in a contact (kith add, kith edit), and the pure rules that
// check it and apply it to a Contact.
//
// A change holds the user's text as given wherever normalising it is a rule (names, types,
// emails, phones, tags, labels, free text) and typed values where the command line has a
// parser (durations, yearly dates). normalize_change checks and normalises every value without
// a contact; apply_change then adds, sets and removes them on one. Who introduced the person
// (met_via) is looked up in the store by the use cases (kith/use_cases/contacts.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

// A labelled yearly date to set: --date LABEL=DATE.
struct DateChange {
  std::string label;  // as given
  YearlyDate date;
};

// Each field left empty keeps what the contact has. Lists are added to (a value already there
// is not repeated); the no_* lists remove, and each value removed must be there. Setting a
// text to "" clears it.
struct ContactChange {
  std::optional<std::string> name;
  std::vector<std::string> akas;  // nicknames and other names to add
  std::vector<std::string> no_akas;
  std::vector<std::string> types;
  std::vector<std::string> no_types;
  std::optional<Duration> every;  // the contact's own cadence
  bool no_every = false;          // drop it: follow the types' cadence again
  std::vector<std::string> emails;
  std::vector<std::string> no_emails;
  std::vector<std::string> phones;
  std::vector<std::string> no_phones;
  std::vector<std::string> tags;
  std::vector<std::string> no_tags;
  std::optional<std::string> org;
  std::optional<std::string> title;
  std::optional<std::string> learn;
  std::optional<std::string> offer;
  std::optional<std::string> note;
  std::optional<YearlyDate> birthday;
  bool no_birthday = false;
  std::vector<DateChange> dates;      // set (a date with the same label is replaced)
  std::vector<std::string> no_dates;  // labels
  std::optional<int> circle;
  bool no_circle = false;
  // Who introduced them: a WHO that names a contact links that contact, any other text is kept
  // as written, "" forgets the introducer.
  std::optional<std::string> met_via;
  // The LinkedIn profile that imports recognise the person by (an external id, set by the use
  // cases: it replaces the one the contact had); no_linkedin forgets it.
  std::optional<std::string> linkedin;
  bool no_linkedin = false;
  // Mark them as a target, someone you want to meet but do not know yet (true), or as a
  // normal contact (false).
  std::optional<bool> target;
};

// True when the change asks for nothing.
bool empty(const ContactChange& change);

// The change with every value checked and normalised: the name and other names
// (normalize_name, NFC), the LinkedIn profile (linkedin_profile: its canonical URL), types
// (normalize_type_name), emails, phones and tags (normalize_email, _phone, _tag; the emails and
// phones to remove only trimmed), free text (check_free_text, trimmed), the circle, labels
// (normalize_label; "birthday" is refused: --birthday sets that) and met_via (trimmed, free
// text). A birthday with a year must not lie after `today`. Returns invalid_input naming the
// first bad value, in the order of the fields above.
Result<ContactChange> normalize_change(const ContactChange& change, Date today);

// Applies a normalised change (from normalize_change) to `contact`, all but met_via: sets the
// name and fields, adds to and removes from its lists (types and tags sorted, emails matched
// ignoring case and accents, dates sorted by label). Returns invalid_input naming the contact
// and the value when it asks to remove something the contact lacks ("Ada has no type 'peer'"),
// or to give it as another name the name it has;
// `contact` is then partly changed and must be dropped.
Status apply_change(const ContactChange& change, Contact& contact);

}  // namespace kith
