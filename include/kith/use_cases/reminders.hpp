// Use cases about reminders: kith remind, done and snooze.
//
// As in kith/use_cases/contacts.hpp: one transaction, everything shown read inside it, the
// database as it was on any error. A reminder id that does not exist is not_found
// ("no reminder #99"); one already done is invalid_input ("reminder #2 is already done (on
// 2026-11-22)").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
};

// Checks what needs no database: a text that is not blank and is valid free text; a promise
// is about someone; exactly one of --on and --in; a day not before `today`, or a duration that
// ends within the supported dates. invalid_input naming the option otherwise. remind runs it
// first; a command may run it before opening the database.
Status check_reminder(const ReminderRequest& request, Date today);

// kith remind: adds the reminder (a promise with `promise`; its text trimmed) and returns it
// as stored. Errors: check_reminder's; not_found or ambiguous for WHO.
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

}  // namespace kith
