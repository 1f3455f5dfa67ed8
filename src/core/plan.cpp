#include "kith/plan.hpp"

#include <algorithm>
#include <list>
#include <unordered_map>

namespace kith {
namespace {

struct Candidate {
  const Contact* contact;
  Date from;        // the first day they can be planned: the window's start or their due day
  double priority;  // urgency as of `from`, plus circle points
  Urgency urgency;  // as of `from`
};

bool shares_type(const Contact& c, const std::vector<std::string>& used) {
  return std::any_of(c.types.begin(), c.types.end(), [&](const std::string& t) {
    return std::find(used.begin(), used.end(), t) != used.end();
  });
}

bool wanted(const Contact& c, const std::vector<std::string>& types) {
  if (types.empty()) return true;
  return std::any_of(c.types.begin(), c.types.end(), [&](const std::string& t) {
    return std::find(types.begin(), types.end(), t) != types.end();
  });
}

}  // namespace

std::vector<Date> plan_days(const PlanOptions& options) {
  std::vector<Date> out;
  for (int i = 0; i < options.days; ++i) {
    Date day = options.start.plus_days(i);
    bool weekend = day.weekday() == Weekday::saturday || day.weekday() == Weekday::sunday;
    if (options.weekends || !weekend) out.push_back(day);
  }
  return out;
}

double circle_points(const std::optional<int>& circle) {
  if (!circle || *circle < 1 || *circle > 3) return 0.0;
  return kCirclePoints[*circle - 1];
}

Plan make_plan(const UrgencyInput& input, const PlanOptions& options) {
  Plan plan;
  plan.days = plan_days(options);
  if (!input.contacts || !input.types || plan.days.empty()) return plan;
  Date last = plan.days.back();

  std::unordered_map<std::int64_t, std::vector<Reminder>> about;
  if (input.reminders) {
    for (const Reminder& r : *input.reminders) {
      if (r.contact_id && !r.done_on) about[*r.contact_id].push_back(r);
    }
  }
  static const std::vector<Reminder> kNone;
  auto reminders_of = [&](const Contact& c) -> const std::vector<Reminder>& {
    auto it = about.find(c.id);
    return it == about.end() ? kNone : it->second;
  };

  std::vector<Candidate> candidates;
  for (const Contact& c : *input.contacts) {
    if (!wanted(c, options.types)) continue;
    auto probe = assess(c, *input.types, reminders_of(c), options.start);
    if (!probe || probe->due > last) continue;
    if (probe->planned) {
      ++plan.already_planned;
      continue;
    }
    Date from = std::max(options.start, probe->due);
    auto u = from == options.start ? std::move(*probe)
                                   : *assess(c, *input.types, reminders_of(c), from);
    double priority = u.score + circle_points(c.circle);
    candidates.push_back({&c, from, priority, std::move(u)});
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return more_urgent(a.urgency, b.urgency);  // same priority: by name, then id
  });

  std::list<Candidate> remaining(candidates.begin(), candidates.end());
  for (Date day : plan.days) {
    std::vector<std::string> used;
    for (int n = 0; n < options.per_day; ++n) {
      auto eligible = [&](const Candidate& c) { return c.from <= day; };
      auto best = std::find_if(remaining.begin(), remaining.end(), eligible);
      if (best == remaining.end()) break;
      if (shares_type(*best->contact, used)) {
        for (auto it = std::next(best); it != remaining.end(); ++it) {
          if (it->priority < best->priority - kComparablePoints) break;
          if (eligible(*it) && !shares_type(*it->contact, used)) {
            best = it;
            break;
          }
        }
      }
      const Contact& c = *best->contact;
      used.insert(used.end(), c.types.begin(), c.types.end());
      auto at_day = assess(c, *input.types, reminders_of(c), day);
      plan.slots.push_back({day, std::move(*at_day), best->priority});
      remaining.erase(best);
    }
  }
  plan.unplaced = remaining.size();
  return plan;
}

}  // namespace kith
