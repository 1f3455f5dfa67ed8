// Outreach planning: turning "who am I overdue with" into a few people a day.
//
// Pure: no database, no clock. make_plan spreads the people who are due by the end of the
// window over its days, most urgent first (docs/ranking.md, "Planning"):
//
//   - priority = urgency score (as of the first day they can be planned: the window's first
//     day, or their due day when that is later) + kCirclePoints for their circle, so inner
//     circles come first among comparable urgency;
//   - days are filled in order, each with the highest-priority people due by that day;
//   - a person who shares a type with someone already on that day gives way to the next
//     person within kComparablePoints of priority who does not: one day is not all peers when
//     another order is as good;
//   - people spoken for (urgency.hpp: outreach already booked, a meeting before they are due,
//     a reminder about them due that day) are left out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"
#include "kith/urgency.hpp"

namespace kith {

// A week's worth: 5 working days, or 7 days with weekends (default_plan_days).
inline constexpr int kDefaultPlanDays = 5;
inline constexpr int kDefaultPlanDaysWithWeekends = 7;
inline constexpr int kDefaultPlanPerDay = 2;
inline constexpr int kMaxPlanDays = 366;
inline constexpr int kMaxPlanPerDay = 50;
// Priority points for circle 1 (your team), 2 (the wider organisation and field), 3 and none.
inline constexpr double kCirclePoints[] = {3.0, 1.5, 0.0};
// Two people whose priorities differ by no more than this are "comparably urgent".
inline constexpr double kComparablePoints = 2.0;

struct PlanOptions {
  Date start;                        // the first day of the window, today or later
  int days = kDefaultPlanDays;       // days that take people, 1..kMaxPlanDays: working days
                                     // (Monday to Friday), or days of any kind with `weekends`
  int per_day = kDefaultPlanPerDay;  // people a day, 1..kMaxPlanPerDay
  bool weekends = false;             // plan Saturdays and Sundays too
  std::vector<std::string> types;    // only people with one of these types; empty: everyone
  // kith plan --goal ID: plan that goal's people first (plan_outreach fills `first` from it).
  std::optional<std::int64_t> goal;
  // People placed before everyone else, due or not yet: from their window's first day on, ahead
  // of any other priority (still left out when spoken for, or of other types).
  std::vector<std::int64_t> first;
};

// A week's worth of days that take people: kDefaultPlanDays working days, or
// kDefaultPlanDaysWithWeekends days with `weekends`. What `kith plan` plans without --days.
constexpr int default_plan_days(bool weekends) {
  return weekends ? kDefaultPlanDaysWithWeekends : kDefaultPlanDays;
}

// Checks the options against the rules of a plan as of `today` and returns them with their
// type names normalised (normalize_type_name) and each named once. invalid_input, in this
// order, when `days` or `per_day` is out of its range, `start` is before today, or a type
// name is not one; the messages name the options as `kith plan` spells them.
Result<PlanOptions> check_plan_options(PlanOptions options, Date today);

// One person who may be planned: who they are and the facts of their check-in.
struct PlanCandidate {
  std::int64_t id = 0;
  std::string name;
  std::string name_key;            // fold_for_match(name)
  std::vector<std::string> types;  // type names
  std::optional<int> circle;
  UrgencyFacts facts;
};

struct PlanSlot {
  Date day;
  Urgency urgency;      // as of `day`, with its identity; heaviest_type as the maker fills it
  double priority = 0;  // the urgency score it was ordered by, plus its circle points
  bool first = false;   // one of options.first
};

struct Plan {
  std::vector<Date> days;       // the days that take people: plan_days(options)
  std::vector<PlanSlot> slots;  // by day, then in the order chosen
  std::size_t unplaced = 0;     // due by the window's end but not fitted in
  // Left out: spoken for on the first day they could be planned (outreach already booked, a
  // meeting, or a reminder about them due by then).
  std::size_t already_planned = 0;
};

// The days that take people: the first `days` days from `start` on (start included) that
// are not a Saturday or Sunday, or the `days` days from `start` with `weekends`. Always
// `days` of them (none when days < 1), strictly increasing.
std::vector<Date> plan_days(const PlanOptions& options);

// The priority points kith gives a circle (1..3, or none).
double circle_points(const std::optional<int>& circle);

// Makes the plan from the candidates: those due after the window's last day, of other types,
// or already booked are skipped (the booked ones counted). The slots' heaviest_type is left
// empty (candidates name their types, not their weights). REQUIRES: options as
// check_plan_options returns them.
Plan make_plan(const std::vector<PlanCandidate>& candidates, const PlanOptions& options);

// The same from every contact, type and open reminder, with the slots' heaviest types filled.
Plan make_plan(const UrgencyInput& input, const PlanOptions& options);

}  // namespace kith
