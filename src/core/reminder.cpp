#include "kith/reminder.hpp"

#include <algorithm>

namespace kith {

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::promise: return "promise";
    case ReminderKind::followup: return "followup";
    case ReminderKind::plan: return "plan";
    case ReminderKind::meeting: return "meeting";
    case ReminderKind::topic: return "topic";
    case ReminderKind::skip: return "skip";
    case ReminderKind::reminder: break;
  }
  return "reminder";
}

Result<ReminderKind> parse_reminder_kind(std::string_view text) {
  if (text == "reminder") return ReminderKind::reminder;
  if (text == "promise") return ReminderKind::promise;
  if (text == "followup") return ReminderKind::followup;
  if (text == "plan") return ReminderKind::plan;
  if (text == "meeting") return ReminderKind::meeting;
  if (text == "topic") return ReminderKind::topic;
  if (text == "skip") return ReminderKind::skip;
  return invalid_input("invalid reminder kind '" + std::string(text) + "'");
}

bool needs_person(ReminderKind kind) {
  return kind != ReminderKind::reminder && kind != ReminderKind::followup;
}

bool is_dated(ReminderKind kind) {
  return kind != ReminderKind::topic && kind != ReminderKind::skip;
}

std::optional<Date> next_occurrence(Date anchor, const Duration& every, Date after) {
  // Jump close to the answer first, so that a daily reminder years late costs no more than
  // one that is a day late; then step exactly from the anchor.
  std::int64_t k = 1;
  std::int64_t gap = days_between(anchor, after);
  if (gap > 0) {
    double steps = static_cast<double>(gap) / (every.approx_days() + 1.0);
    k = std::max<std::int64_t>(1, static_cast<std::int64_t>(steps));
  }
  // The k-th occurrence, or nullopt past the supported dates.
  auto nth = [&](std::int64_t n) -> std::optional<Date> {
    std::int64_t count = n * every.count();
    if (count > 1'000'000) return std::nullopt;
    return Duration(static_cast<std::int32_t>(count), every.unit()).checked_after(anchor);
  };
  while (k > 1) {
    auto at = nth(k);
    if (at && *at <= after) break;
    --k;
  }
  for (auto next = nth(k); next; next = nth(++k)) {
    if (*next > after) return next;
  }
  return std::nullopt;
}

Reminder complete(Reminder reminder, Date today, bool stop) {
  reminder.last_done = today;
  if (reminder.every && !stop) {
    if (auto next =
            next_occurrence(reminder.anchor, *reminder.every, std::max(today, reminder.due))) {
      reminder.due = *next;
      return reminder;
    }
  }
  reminder.done_on = today;
  return reminder;
}

}  // namespace kith
