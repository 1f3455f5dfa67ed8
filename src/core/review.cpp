#include "kith/review.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

namespace kith {
namespace {

// The largest `amount`s first; ties by name key, name, then id.
std::vector<PersonAmount> top_people(const std::vector<ReviewFlow>& flows,
                                     std::int64_t ReviewFlow::*amount) {
  std::vector<const ReviewFlow*> ranked;
  for (const ReviewFlow& f : flows) {
    if (f.*amount > 0) ranked.push_back(&f);
  }
  const auto before = [amount](const ReviewFlow* a, const ReviewFlow* b) {
    return std::tie(b->*amount, a->name_key, a->name, a->id) <
           std::tie(a->*amount, b->name_key, b->name, b->id);
  };
  std::size_t keep = std::min(ranked.size(), kReviewTopPeople);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), before);
  std::vector<PersonAmount> out;
  for (std::size_t i = 0; i < keep; ++i) {
    out.push_back({ranked[i]->id, ranked[i]->name, ranked[i]->*amount});
  }
  return out;
}

std::vector<NeglectedPerson> neglected_people(const ReviewFacts& facts,
                                              const ReviewPeriod& period) {
  std::unordered_set<std::int64_t> spoken;
  for (const ReviewFlow& f : facts.flows) spoken.insert(f.id);
  struct Ranked {
    NeglectedPerson person;
    std::string name_key;
  };
  std::vector<Ranked> found;
  for (const InnerCandidate& c : facts.inner) {
    bool inner = facts.circles_used ? c.circle == 1 : c.weight >= kInnerCircleMinWeight;
    if (!inner || !c.cadence || c.added_on > period.until || spoken.count(c.id) != 0) continue;
    // As the report counts it: one cadence after the latest of the last interaction (or the
    // day they were added) and the last skip.
    Date from = c.last_before.value_or(c.added_on);
    if (c.skip && *c.skip > from) from = *c.skip;
    Date due = c.cadence->after(from);
    if (due > period.until) continue;
    NeglectedPerson n;
    n.id = c.id;
    n.name = c.name;
    n.circle = c.circle;
    n.weight = c.weight;
    n.cadence = *c.cadence;
    n.last = c.last_before;
    if (c.last_before) n.silent = days_between(*c.last_before, period.until);
    n.due = due;
    found.push_back({std::move(n), c.name_key});
  }
  std::sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(a.person.due, a.name_key, a.person.name, a.person.id) <
           std::tie(b.person.due, b.name_key, b.person.name, b.person.id);
  });
  std::vector<NeglectedPerson> out;
  out.reserve(found.size());
  for (Ranked& r : found) out.push_back(std::move(r.person));
  return out;
}

PromiseTally tally_promises(const std::vector<PromiseFact>& promises, const ReviewPeriod& period,
                            Date today) {
  PromiseTally t;
  for (const PromiseFact& p : promises) {
    if (p.due < period.since || p.due > period.until) continue;
    ++t.due;
    if (p.cancelled) {
      ++t.cancelled;
    } else if (p.done_on) {
      ++(*p.done_on <= p.due ? t.on_time : t.late);
    } else if (p.due < today) {
      ++t.open_overdue;
    } else {
      ++t.open;
    }
  }
  return t;
}

GoalsReview goals_review(const std::vector<GoalFact>& goals, const ReviewPeriod& period) {
  GoalsReview g;
  for (const GoalFact& goal : goals) {
    if (!goal.done_on) {
      ++g.open;
      g.open_goals.push_back({goal.id, goal.text, goal.by, goal.people, goal.spoken});
      continue;
    }
    ++g.done;
    if (*goal.done_on >= period.since && *goal.done_on <= period.until) {
      g.done_in_period.push_back(goal);
    }
  }
  std::sort(g.open_goals.begin(), g.open_goals.end(),
            [](const GoalProgress& a, const GoalProgress& b) { return a.id < b.id; });
  std::sort(g.done_in_period.begin(), g.done_in_period.end(),
            [](const GoalFact& a, const GoalFact& b) {
              return std::tie(*a.done_on, a.id) < std::tie(*b.done_on, b.id);
            });
  return g;
}

}  // namespace

ReviewPeriod default_review_period(Date today) {
  return {week_start(today).plus_days(-7 * (kDefaultReviewWeeks - 1)), today};
}

Status check_review_period(const ReviewPeriod& period) {
  if (period.since > period.until) {
    return invalid_input("invalid period: --since " + period.since.to_string() +
                         " is after --until " + period.until.to_string());
  }
  return {};
}

Date week_start(Date day) { return day.plus_days(-static_cast<int>(day.weekday())); }

std::optional<double> PromiseTally::on_time_rate() const {
  std::int64_t come = on_time + late + open_overdue;
  if (come == 0) return std::nullopt;
  return static_cast<double>(on_time) / static_cast<double>(come);
}

bool Review::empty() const {
  return interactions == 0 && promises.due == 0 && neglected.empty() && network.active == 0 &&
         network.archived == 0 && network.targets == 0 && goals.open == 0 && goals.done == 0;
}

Review review(const ReviewFacts& facts, const ReviewPeriod& period, Date today) {
  Review r;
  r.period = period;
  for (Date start = week_start(period.since); start <= period.until; start = start.plus_days(7)) {
    ReviewWeek w;
    w.start = start;
    w.from = std::max(start, period.since);
    w.to = std::min(start.plus_days(6), period.until);
    r.weeks.push_back(w);
    if (start.plus_days(7) <= start) break;  // the last supported day: no week after it
  }
  Date first = week_start(period.since);
  for (const ReviewDay& d : facts.days) {
    if (d.day < period.since || d.day > period.until) continue;
    ReviewWeek& w = r.weeks[static_cast<std::size_t>(days_between(first, d.day) / 7)];
    w.interactions += d.interactions;
    w.given += d.given;
    w.received += d.received;
    r.interactions += d.interactions;
    r.given += d.given;
    r.received += d.received;
  }
  r.people = static_cast<std::int64_t>(facts.flows.size());
  r.gave_most = top_people(facts.flows, &ReviewFlow::given);
  r.received_most = top_people(facts.flows, &ReviewFlow::received);
  r.inner_by_circle = facts.circles_used;
  r.neglected = neglected_people(facts, period);
  r.promises = tally_promises(facts.promises, period, today);
  r.network = facts.network;
  r.goals = goals_review(facts.goals, period);
  return r;
}

}  // namespace kith
