// Use cases about contacts: kith add, edit, archive, unarchive, rm, show and list.
//
// Every function here takes the store and plain values (today included: the core never reads
// the clock), runs one Store::write (or, for show and list, one Store::read), and returns
// owned values holding everything a command shows, read inside that transaction: nothing is
// read after a write commits, so an error never follows a change that was made. On any error
// the database is left exactly as it was.
//
// WHO is resolved as Store::resolve does: not_found or ambiguous (listing the candidates) when
// it names no one contact.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/contact_change.hpp"
#include "kith/date.hpp"
#include "kith/interaction.hpp"
#include "kith/reminder.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// A contact as stored, and when its next check-in is due.
struct ContactView {
  Contact contact;
  Due due;
};

// kith add: adds a contact named change.name, added on `today`, with the rest of `change`
// (normalize_change, apply_change; met_via names a contact when one matches, else is kept as
// written; the LinkedIn profile becomes its external id). Returns it as stored, with its id and
// uuid. invalid_input for a missing or bad name, a name that already is a contact's whole name
// (folded; naming that contact) unless `namesake` (--force), a bad value, an unknown type
// (listing the known ones), or a LinkedIn profile that is another contact's; ambiguous (its
// message starting "--met-via: ") for an introducer that matches several contacts.
Result<ContactView> add_contact(Store& store, const ContactChange& change, Date today,
                                bool namesake = false);

// kith edit: applies `change` to the contact WHO names (as add does, and removals: invalid_input
// "Ada has no type 'peer'" when the contact lacks what is removed; a contact cannot be its own
// introducer). Returns the contact as stored afterwards; an empty change writes nothing.
Result<ContactView> edit_contact(Store& store, std::string_view who, const ContactChange& change,
                                 Date today);

// The contact archived or brought back, and whether that changed anything.
struct ArchiveResult {
  ContactView view;      // as stored afterwards
  bool changed = false;  // false when it already was archived (or active)
};

// kith archive (`archived`) and kith unarchive: an archived contact is kept with its history
// and never due.
Result<ArchiveResult> archive_contact(Store& store, std::string_view who, bool archived,
                                      Date today);

// What kith rm deleted.
struct Removal {
  Contact contact;                     // as it was
  std::size_t interactions = 0;        // the interactions it took part in (shared ones included)
  std::int64_t changes_forgotten = 0;  // the changes in the journal that held a trace of it
};

// kith rm: deletes the contact WHO names with its reminders and the interactions nobody else
// took part in (Store::remove_contact), and erases from the journal every change that held a
// trace of them (Store::forget_person): the one change that cannot be undone. Without
// `confirmed` (--yes), deletes nothing and returns invalid_input naming the contact and how
// many interactions it has.
Result<Removal> remove_contact(Store& store, std::string_view who, bool confirmed, Date today);

// One person in full, for kith show.
struct Profile {
  Contact contact;
  Due due;
  std::vector<Reminder> reminders;       // open ones, soonest first
  std::vector<Interaction> recent;       // the latest `recent` interactions, newest first
  std::vector<ExternalId> external_ids;  // vCard UIDs and LinkedIn profiles
  std::vector<Reminder> topics;          // open agenda topics, oldest first
  // Skips (kith skip) over the span of `recent` (every one when it holds every interaction),
  // newest first.
  std::vector<Reminder> skips;
  std::vector<PersonGoal> goals;  // the goals they are linked to, open and done, by id
};

// kith show: the contact WHO names with its due, open reminders, agenda, recent interactions and
// skips, all from one snapshot of the database.
Result<Profile> show_contact(Store& store, std::string_view who, Date today, int recent);

// Which contacts kith list shows.
struct ContactFilter {
  std::optional<std::string> type;  // with this type (as given; normalised by the rule)
  std::optional<std::string> tag;   // with this tag (as given)
  bool overdue = false;             // only those overdue on today, the longest overdue first
  bool archived = false;            // archived contacts instead of active ones
  std::optional<bool> targets;      // only targets (true) or only non-targets (false)
};

// kith list: calls `visit` with each contact the filter lets through and its due, sorted by
// name (overdue: the longest overdue first), one at a time from one snapshot, holding none of
// them; stops at the first error `visit` returns and returns it. invalid_input for a bad type
// name or tag, and for a type that does not exist (listing the known ones).
Status list_contacts(Store& store, const ContactFilter& filter, Date today,
                     const std::function<Status(const Contact&, const Due&)>& visit);

}  // namespace kith
