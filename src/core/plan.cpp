#include "kith/plan.hpp"

#include <algorithm>
#include <list>
#include <string>
#include <unordered_map>

#include "kith/relationship_type.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

struct Ranked {
  const PlanCandidate* candidate;
  Date from;        // the first day they can be planned: the window's start or their due day
  double priority;  // urgency as of `from`, plus circle points
  bool first;       // one of options.first: ahead of everyone else
};

// options.first before everyone else; then most urgent first: by priority, then as
// more_urgent breaks ties (name, then id).
bool ahead_of(const Ranked& a, const Ranked& b) {
  if (a.first != b.first) return a.first;
  if (a.priority != b.priority) return a.priority > b.priority;
  const PlanCandidate& x = *a.candidate;
  const PlanCandidate& y = *b.candidate;
  if (x.name_key != y.name_key) return x.name_key < y.name_key;
  if (x.name != y.name) return x.name < y.name;
  return x.id < y.id;
}

bool shares_type(const PlanCandidate& c, const std::vector<std::string>& used) {
  return std::any_of(c.types.begin(), c.types.end(), [&](const std::string& t) {
    return std::find(used.begin(), used.end(), t) != used.end();
  });
}

bool wanted(const PlanCandidate& c, const std::vector<std::string>& types) {
  if (types.empty()) return true;
  return std::any_of(c.types.begin(), c.types.end(), [&](const std::string& t) {
    return std::find(types.begin(), types.end(), t) != types.end();
  });
}

Urgency scored(const PlanCandidate& c, Date day) {
  Urgency u = score(c.facts, day);
  u.id = c.id;
  u.name = c.name;
  u.name_key = c.name_key;
  return u;
}

}  // namespace

std::vector<Date> plan_days(const PlanOptions& options) {
  std::vector<Date> out;
  if (options.days < 1) return out;
  out.reserve(static_cast<std::size_t>(options.days));
  for (Date day = options.start; out.size() < static_cast<std::size_t>(options.days);
       day = day.plus_days(1)) {
    bool weekend = day.weekday() == Weekday::saturday || day.weekday() == Weekday::sunday;
    if (options.weekends || !weekend) out.push_back(day);
  }
  return out;
}

Result<PlanOptions> check_plan_options(PlanOptions options, Date today) {
  if (options.days < 1 || options.days > kMaxPlanDays) {
    return invalid_input("invalid --days " + std::to_string(options.days) + ": expected 1 to " +
                         std::to_string(kMaxPlanDays));
  }
  if (options.per_day < 1 || options.per_day > kMaxPlanPerDay) {
    return invalid_input("invalid --per-day " + std::to_string(options.per_day) +
                         ": expected 1 to " + std::to_string(kMaxPlanPerDay));
  }
  if (options.start < today) {
    return invalid_input("--start " + options.start.to_string() + " is in the past (today is " +
                         today.to_string() + "): a plan is for today or later");
  }
  std::vector<std::string> types;
  for (const std::string& t : options.types) {
    auto name = normalize_type_name(t);
    if (!name) return name.error();
    if (std::find(types.begin(), types.end(), *name) == types.end()) {
      types.push_back(std::move(*name));
    }
  }
  options.types = std::move(types);
  return options;
}

double circle_points(const std::optional<int>& circle) {
  if (!circle || *circle < 1 || *circle > 3) return 0.0;
  return kCirclePoints[*circle - 1];
}

Plan make_plan(const std::vector<PlanCandidate>& candidates, const PlanOptions& options) {
  Plan plan;
  plan.days = plan_days(options);
  if (plan.days.empty()) return plan;
  Date last = plan.days.back();

  std::vector<Ranked> ranked;
  for (const PlanCandidate& c : candidates) {
    const bool first =
        std::find(options.first.begin(), options.first.end(), c.id) != options.first.end();
    if ((!first && c.facts.due > last) || !wanted(c, options.types)) continue;
    Date from = first ? options.start : std::max(options.start, c.facts.due);
    if (spoken_for(c.facts, from)) {
      ++plan.already_planned;
      continue;
    }
    ranked.push_back({&c, from, score(c.facts, from).score + circle_points(c.circle), first});
  }
  std::sort(ranked.begin(), ranked.end(), ahead_of);

  std::list<Ranked> remaining(ranked.begin(), ranked.end());
  for (Date day : plan.days) {
    std::vector<std::string> used;
    for (int n = 0; n < options.per_day; ++n) {
      auto eligible = [&](const Ranked& r) {
        return r.from <= day && !spoken_for(r.candidate->facts, day);
      };
      auto best = std::find_if(remaining.begin(), remaining.end(), eligible);
      if (best == remaining.end()) break;
      if (shares_type(*best->candidate, used)) {
        for (auto it = std::next(best); it != remaining.end(); ++it) {
          if (it->first != best->first || it->priority < best->priority - kComparablePoints) break;
          if (eligible(*it) && !shares_type(*it->candidate, used)) {
            best = it;
            break;
          }
        }
      }
      const PlanCandidate& c = *best->candidate;
      used.insert(used.end(), c.types.begin(), c.types.end());
      plan.slots.push_back({day, scored(c, day), best->priority, best->first});
      remaining.erase(best);
    }
  }
  plan.unplaced = remaining.size();
  return plan;
}

Plan make_plan(const UrgencyInput& input, const PlanOptions& options) {
  std::vector<PlanCandidate> candidates;
  if (!input.contacts || !input.types) return make_plan(candidates, options);
  std::unordered_map<std::int64_t, std::vector<Reminder>> about;
  if (input.reminders) {
    for (const Reminder& r : *input.reminders) {
      if (r.contact_id && !r.done_on) about[*r.contact_id].push_back(r);
    }
  }
  static const std::vector<Reminder> kNone;
  std::unordered_map<std::int64_t, const Contact*> by_id;
  for (const Contact& c : *input.contacts) {
    auto it = about.find(c.id);
    auto facts = facts_of(c, *input.types, it == about.end() ? kNone : it->second);
    if (!facts) continue;
    candidates.push_back({c.id, c.name, fold_for_match(c.name), c.types, c.circle, *facts});
    by_id.emplace(c.id, &c);
  }
  Plan plan = make_plan(candidates, options);
  for (PlanSlot& slot : plan.slots) {
    slot.urgency.heaviest_type = heaviest_type(*by_id.at(slot.urgency.id), *input.types).first;
  }
  return plan;
}

}  // namespace kith
