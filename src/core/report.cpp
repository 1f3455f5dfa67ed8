#include "kith/report.hpp"

#include <algorithm>
#include <string>

namespace kith {

Status check_report_options(const ReportOptions& options) {
  if (options.limit < 0 || options.limit > kMaxReportLimit) {
    return invalid_input("invalid --limit " + std::to_string(options.limit) + ": expected 0 to " +
                         std::to_string(kMaxReportLimit));
  }
  if (options.ahead < 0 || options.ahead > kMaxReportAhead) {
    return invalid_input("invalid --ahead " + std::to_string(options.ahead) + ": expected 0 to " +
                         std::to_string(kMaxReportAhead) + " days");
  }
  return {};
}

bool Report::nothing_due() const { return due_total == 0 && overdue_total == 0 && !occasion_today; }

Report build_report(ReportParts parts, Date today, const ReportOptions& options) {
  Report report;
  report.today = today;
  report.ahead = options.ahead;
  Date horizon = today.plus_days(options.ahead);
  const auto limit = static_cast<std::size_t>(options.limit);

  for (Reminder& r : parts.reminders) {
    if (r.done_on) continue;
    if (r.due <= today) {
      report.due_now.push_back(std::move(r));
    } else if (r.due <= horizon) {
      Date on = r.due;
      report.coming_up.push_back({on, std::nullopt, std::move(r)});
    }
  }
  std::sort(report.due_now.begin(), report.due_now.end(), [](const Reminder& a, const Reminder& b) {
    bool ap = a.kind == ReminderKind::promise;
    bool bp = b.kind == ReminderKind::promise;
    if (ap != bp) return ap;
    if (a.due != b.due) return a.due < b.due;
    return a.id < b.id;
  });
  if (report.due_now.size() > limit) report.due_now.resize(limit);
  report.due_total = parts.due_total;

  report.overdue_total = parts.overdue_total;
  std::size_t shown = std::min(parts.ranked.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) {
    report.reach_out.push_back(std::move(parts.ranked[i]));
  }

  report.coming_up_total = parts.upcoming_total;
  for (Occasion& o : parts.occasions) {
    if (o.on < today || o.on > horizon) continue;
    if (o.on == today) {
      ++report.occasions_today_total;
      report.occasions_today.push_back(std::move(o));
      continue;
    }
    ++report.coming_up_total;
    Date on = o.on;
    report.coming_up.push_back({on, std::move(o), std::nullopt});
  }
  report.occasion_today = report.occasions_today_total > 0;
  std::sort(report.occasions_today.begin(), report.occasions_today.end(),
            [](const Occasion& a, const Occasion& b) {
              if (a.name != b.name) return a.name < b.name;
              if (a.label != b.label) return a.label < b.label;
              return a.contact_id < b.contact_id;
            });
  if (report.occasions_today.size() > limit) report.occasions_today.resize(limit);
  std::stable_sort(report.coming_up.begin(), report.coming_up.end(),
                   [](const Upcoming& a, const Upcoming& b) {
                     if (a.on != b.on) return a.on < b.on;
                     if (a.occasion.has_value() != b.occasion.has_value()) {
                       return a.occasion.has_value();
                     }
                     if (a.occasion) {
                       if (a.occasion->name != b.occasion->name) {
                         return a.occasion->name < b.occasion->name;
                       }
                       if (a.occasion->label != b.occasion->label) {
                         return a.occasion->label < b.occasion->label;
                       }
                       return a.occasion->contact_id < b.occasion->contact_id;
                     }
                     return a.reminder->id < b.reminder->id;
                   });
  if (report.coming_up.size() > limit) report.coming_up.resize(limit);
  return report;
}

Report build_report(const UrgencyInput& input, Date today, const ReportOptions& options) {
  ReportParts parts;
  if (input.reminders) {
    Date horizon = today.plus_days(options.ahead);
    for (const Reminder& r : *input.reminders) {
      if (r.done_on || r.due > horizon) continue;
      parts.reminders.push_back(r);
      ++(r.due <= today ? parts.due_total : parts.upcoming_total);
    }
  }
  std::vector<Urgency> ranked = rank_due(input, today);
  parts.overdue_total = ranked.size();
  if (ranked.size() > static_cast<std::size_t>(options.limit))
    ranked.resize(static_cast<std::size_t>(options.limit));
  for (Urgency& u : ranked) {
    auto c = std::find_if(input.contacts->begin(), input.contacts->end(),
                          [&](const Contact& contact) { return contact.id == u.id; });
    parts.ranked.push_back({std::move(u), *c, std::nullopt, {}, {}});
  }
  if (input.contacts) parts.occasions = upcoming_occasions(*input.contacts, today, options.ahead);
  return build_report(std::move(parts), today, options);
}

}  // namespace kith
