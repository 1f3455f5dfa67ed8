#include "kith/reminder.hpp"

#include <algorithm>

namespace kith {

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::promise: return "promise";
    case ReminderKind::followup: return "followup";
    case ReminderKind::plan: return "plan";
    case ReminderKind::reminder: break;
  }
  return "reminder";
}

Result<ReminderKind> parse_reminder_kind(std::string_view text) {
  if (text == "reminder") return ReminderKind::reminder;
  if (text == "promise") return ReminderKind::promise;
  if (text == "followup") return ReminderKind::followup;
  if (text == "plan") return ReminderKind::plan;
  return invalid_input("invalid reminder kind '" + std::string(text) + "'");
}

Date next_occurrence(Date anchor, const Duration& every, Date after) {
  // Jump close to the answer first, so that a daily reminder years late costs no more than
  // one that is a day late; then step exactly from the anchor.
  std::int64_t k = 1;
  std::int64_t gap = days_between(anchor, after);
  if (gap > 0) {
    double steps = static_cast<double>(gap) / (every.approx_days() + 1.0);
    k = std::max<std::int64_t>(1, static_cast<std::int64_t>(steps));
  }
  auto nth = [&](std::int64_t n) {
    Duration step(static_cast<std::int32_t>(std::min<std::int64_t>(n * every.count(), 1'000'000)),
                  every.unit());
    return step.after(anchor);
  };
  while (k > 1 && nth(k) > after) --k;
  Date next = nth(k);
  while (next <= after) next = nth(++k);
  return next;
}

Reminder complete(Reminder reminder, Date today) {
  reminder.last_done = today;
  if (!reminder.every) {
    reminder.done_on = today;
    return reminder;
  }
  reminder.due = next_occurrence(reminder.anchor, *reminder.every, std::max(today, reminder.due));
  return reminder;
}

}  // namespace kith
