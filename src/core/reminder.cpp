#include "kith/reminder.hpp"

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

}  // namespace kith
