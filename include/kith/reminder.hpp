// Reminders: things to do on a day, about a person or about nothing in particular.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

// What a reminder is. Frozen: stored in the database as "reminder", "promise", "followup",
// "plan", "meeting", "topic" and "skip".
enum class ReminderKind {
  reminder,  // a plain reminder
  promise,   // a commitment you made to the person
  followup,  // the next step recorded with `kith log --next`
  plan,      // an outreach slot saved by `kith plan --save`
  meeting,   // a recurring meeting with the person (`kith remind --meeting`): a 1:1
  // Something to raise with the person next time (`kith agenda`): not due on a day (`due` is
  // the day it was raised); closed by `kith log --covered` or dropped with `kith cancel`.
  topic,
  // "Not this round" (`kith skip`): closed the day it is made, its text the note (may be
  // empty). The next check-in counts from it as from an interaction.
  skip,
};
std::string_view to_string(ReminderKind kind);
Result<ReminderKind> parse_reminder_kind(std::string_view text);

struct Reminder {
  std::int64_t id = 0;
  std::string uuid;
  std::optional<std::int64_t> contact_id;  // nullopt: about nobody in particular
  std::string contact_name;                // filled when read back, empty otherwise
  ReminderKind kind = ReminderKind::reminder;
  std::string text;
  Date due;
  std::optional<Duration> every;  // recurrence; nullopt = once
  Date anchor;                    // the first due date: a recurrence keeps this rhythm
  std::optional<Date> done_on;    // nullopt while open; a recurring reminder stays open
  std::optional<Date> last_done;  // when it was last marked done
  // Dropped without being done (kith cancel): done_on is then the day it was cancelled, so a
  // cancelled reminder leaves every open list as a done one does. Never set while open.
  bool cancelled = false;
};

// True for the kinds that are about someone by nature: a promise is made to someone, outreach is
// booked for someone, a meeting, a topic and a skip are with someone. Such a reminder always
// names its person.
bool needs_person(ReminderKind kind);

// True for the kinds that are things to do on a day (a reminder, promise, follow-up, booked
// outreach or meeting): what `kith reminders`, the report and the calendar list. Agenda topics
// and skips are not.
bool is_dated(ReminderKind kind);

// The next occurrence of a rhythm strictly after `after`: the first anchor + k * every
// (k >= 1) later than `after`. Counting from the anchor keeps month ends and Feb 29 in step:
// monthly from Jan 31 gives Feb 28, Mar 31, Apr 30...; yearly from 2024-02-29 gives
// 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29. nullopt when that day would fall past the
// last supported date (kMaxYear-12-31).
std::optional<Date> next_occurrence(Date anchor, const Duration& every, Date after);

// What `kith done` does to an open reminder on `today`: a one-off is marked done; a
// recurring one moves to its next occurrence strictly after today (and after its due day),
// once however late it is. With `stop`, or when a recurring reminder has no next occurrence
// within the supported dates, it is marked done for good.
// REQUIRES: the reminder is open.
Reminder complete(Reminder reminder, Date today, bool stop = false);

}  // namespace kith
