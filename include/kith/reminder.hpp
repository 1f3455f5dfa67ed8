// Reminders: things to do on a day, about a person or about nothing in particular.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

// What a reminder is. Frozen: stored in the database as "reminder", "promise", "followup"
// and "plan".
enum class ReminderKind {
  reminder,  // a plain reminder
  promise,   // a commitment you made to the person
  followup,  // the next step recorded with `kith log --next`
  plan,      // an outreach slot saved by `kith plan --save`
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
  std::optional<Date> done_on;    // nullopt while open
};

}  // namespace kith
