#include "kith/report.hpp"

#include <algorithm>

namespace kith {

bool Report::nothing_due() const {
  if (!due_now.empty() || !reach_out.empty()) return false;
  return std::none_of(coming_up.begin(), coming_up.end(),
                      [&](const Upcoming& u) { return u.occasion && u.on == today; });
}

Report build_report(const UrgencyInput& input, Date today, const ReportOptions& options) {
  Report report;
  report.today = today;
  report.ahead = options.ahead;
  Date horizon = today.plus_days(options.ahead);

  static const std::vector<Reminder> kNone;
  const std::vector<Reminder>& reminders = input.reminders ? *input.reminders : kNone;
  for (const Reminder& r : reminders) {
    if (r.done_on) continue;
    if (r.due <= today) {
      report.due_now.push_back(r);
    } else if (r.due <= horizon) {
      report.coming_up.push_back({r.due, std::nullopt, r});
    }
  }
  std::sort(report.due_now.begin(), report.due_now.end(),
            [](const Reminder& a, const Reminder& b) {
              bool ap = a.kind == ReminderKind::promise;
              bool bp = b.kind == ReminderKind::promise;
              if (ap != bp) return ap;
              if (a.due != b.due) return a.due < b.due;
              return a.id < b.id;
            });

  for (Urgency& u : rank_due(input, today)) {
    if (u.planned) continue;
    ++report.overdue_total;
    if (report.reach_out.size() < static_cast<std::size_t>(options.limit)) {
      report.reach_out.push_back({std::move(u), std::nullopt});
    }
  }

  if (input.contacts) {
    for (Occasion& o : upcoming_occasions(*input.contacts, today, options.ahead)) {
      Date on = o.on;
      report.coming_up.push_back({on, std::move(o), std::nullopt});
    }
  }
  std::stable_sort(report.coming_up.begin(), report.coming_up.end(),
                   [](const Upcoming& a, const Upcoming& b) {
                     if (a.on != b.on) return a.on < b.on;
                     if (a.occasion.has_value() != b.occasion.has_value()) {
                       return a.occasion.has_value();
                     }
                     if (a.reminder && b.reminder) return a.reminder->id < b.reminder->id;
                     return false;  // occasions keep upcoming_occasions' order
                   });
  return report;
}

}  // namespace kith
