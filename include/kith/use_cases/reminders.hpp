// Use cases about reminders: kith remind, done, snooze, cancel and change.
//
// As in kith/use_cases/contacts.hpp: one transaction, everything shown read inside it, the
// database as it was on any error. A reminder id that does not exist is not_found
// ("no reminder #99"); one already done or cancelled is invalid_input ("reminder #2 is already
// done (on 2026-11-22)", "reminder #2 is already cancelled (on 2026-11-22)").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kith/contact.hpp"
#include "kith/date.hpp"
#include "kith/reminder.hpp"
#include "kith/status.hpp"
#include "kith/store.hpp"

namespace kith {

// What kith remind sets.
struct ReminderRequest {
  std::optional<std::string> who;  // WHO it is about; nobody in particular when unset
  std::string text;                // as given
  std::optional<Date> on;          // due on this day...
  std::optional<Duration> in;      // ...or this long after today: exactly one of the two
  std::optional<Duration> every;   // recurs on this rhythm from its first due day
  bool promise = false;            // a commitment made to `who`
  bool meeting = false;            // a recurring meeting with `who` (needs `every`)
};

// Checks what needs no database: a text that is not blank and is valid free text; a promise
// and a meeting are with someone, a meeting recurs (--every) and is not a promise; exactly one
// of --on and --in; a day not before `today`, or a duration that
// ends within the supported dates. invalid_input naming the option otherwise. remind runs it
// first; a command may run it before opening the database.
Status check_reminder(const ReminderRequest& request, Date today);

// kith remind: adds the reminder (a promise with `promise`, a meeting with `meeting`; its text
// trimmed) and returns it as stored. Errors: check_reminder's; not_found or ambiguous for WHO.
Result<Reminder> remind(Store& store, const ReminderRequest& request, Date today);

// What kith done did.
struct Completion {
  Reminder reminder;  // as stored afterwards: open and due later when a recurrence moved on
  // A recurring reminder, not stopped, that was done for good because its next occurrence
  // would fall past the last supported date.
  bool past_last_date = false;
};

// kith done ID: completes the open reminder on `today` (kith::complete): a one-off is done; a
// recurring one moves to its next occurrence, or with `stop` is done for good. A recurring
// reminder already done today and not yet due again is refused (invalid_input naming its next
// due day and `kith done ID --stop`).
Result<Completion> complete_reminder(Store& store, std::int64_t id, bool stop, Date today);

// How far kith snooze pushes a reminder: exactly one of the two.
struct Snooze {
  std::optional<Duration> by;  // this long after its due day, or after today once that passed
  std::optional<Date> to;      // to this day, today or later
};

// Checks what needs no database: exactly one of `by` and `to`; `to` not before `today`.
// invalid_input otherwise.
Status check_snooze(const Snooze& snooze, Date today);

// kith snooze: moves the open reminder's due day (its recurrence keeps its anchor) and returns
// it as stored. Errors: check_snooze's; invalid_input when `by` would go past the last
// supported date.
Result<Reminder> snooze_reminder(Store& store, std::int64_t id, const Snooze& snooze, Date today);

// kith cancel: drops the open reminder (or agenda topic) without doing it: it is closed on `today`
// (done_on) and marked cancelled, so it leaves every open list, the report and the plan as a done
// one does; a recurring one ends for good. Returns it as stored afterwards. Gives the journal its
// note
// ("cancel of reminder #7 'Send the deck'").
Result<Reminder> cancel_reminder(Store& store, std::int64_t id, Date today);

// What kith change asks to change in an open reminder: each field left unset keeps its value;
// of each pair, at most one.
struct ReminderChange {
  std::optional<std::string> text;   // as given
  std::optional<Date> on;            // due on this day...
  std::optional<Duration> in;        // ...or this long after today
  std::optional<Duration> every;     // recur on this rhythm, counted from its (new) due day...
  bool once = false;                 // ...or not recur any more
  std::optional<std::string> about;  // WHO it is about...
  bool nobody = false;               // ...or nobody in particular
  bool promise = false;              // make it a promise...
  bool no_promise = false;           // ...or a plain reminder
};

// Checks what needs no database, with check_reminder's rules for the same values (the text, the
// due day): something to change; at most one of each pair. invalid_input naming the option
// otherwise ("nothing to change ..." when nothing is set).
Status check_reminder_change(const ReminderChange& change, Date today);

// What kith change did.
struct ReminderChanged {
  Reminder before;  // as it was
  Reminder after;   // as stored afterwards
};

// kith change: changes the open reminder as asked. A new due day (--on, --in) or a new rhythm
// (--every) re-anchors a recurring reminder's rhythm on its due day (to push back one occurrence
// and keep the rhythm, there is kith snooze); --once makes it a one-off. The promise flag turns a
// reminder into a promise and back; a follow-up's or planned outreach's is refused. A promise
// and planned outreach stay about someone (needs_person). Gives the journal its note ("change of
// reminder #7 'Send the deck': due 2026-12-03 → 2026-12-10"). Errors: check_reminder_change's;
// not_found for the id, or not_found or ambiguous for WHO; invalid_input as above, and
// ("nothing to change") when the reminder already is as asked.
Result<ReminderChanged> change_reminder(Store& store, std::int64_t id, const ReminderChange& change,
                                        Date today);

// --- The agenda: topics to raise with someone next time (kith agenda).

// Checks a topic's text as a reminder's: not blank, valid free text. invalid_input otherwise.
Status check_topic(std::string_view text);

// kith agenda WHO TEXT: adds an open topic (a reminder of kind topic, raised today) for WHO and
// returns it as stored. Errors: check_topic's; not_found or ambiguous for WHO.
Result<Reminder> raise_topic(Store& store, std::string_view who, std::string_view text, Date today);

// The open topics of one person (WHO), oldest first, or of everyone (by person, then oldest
// first) when `who` is unset. Errors: not_found or ambiguous for WHO.
struct Agenda {
  std::optional<Contact> person;  // WHO, when one was named
  std::vector<Reminder> topics;
};
Result<Agenda> agenda(Store& store, const std::optional<std::string>& who);

// --- Skipping a round (kith skip).

// Checks the note: valid free text (it may be empty). invalid_input otherwise.
Status check_skip_note(std::string_view note);

struct Skipped {
  Reminder skip;    // as stored: kind skip, closed today, its text the note
  Contact contact;  // as stored afterwards
  Due before;       // the check-in as it was
  Due after;        // the check-in now: one cadence after today
};

// kith skip WHO [--note TEXT]: "not this round": records a skip today, so that the next check-in
// is due one cadence after today; no interaction is recorded, and the balance and last contact
// do not change. invalid_input for someone archived, without a cadence, or skipped today
// already; not_found or ambiguous for WHO.
Result<Skipped> skip_check_in(Store& store, std::string_view who, std::string_view note,
                              Date today);

}  // namespace kith
