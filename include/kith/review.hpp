// The review: a look back over a period (kith review). What happened week by week, who you
// gave to and received from most, the inner circle you neglected, the promises due and how
// they were kept, the network and the goals.
//
// Pure: no database, no clock. The store loads plain facts (Store::review_facts), and
// review() turns them into figures; the same facts always give the same figures. How each
// figure is computed is written down in docs/ranking.md ("Review").
//
// Weeks are ISO weeks, Monday to Sunday. A period that does not start on a Monday or end on a
// Sunday has a partial first or last week: it counts only the days inside the period.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kith/date.hpp"
#include "kith/status.hpp"

namespace kith {

// The days looked back on, both ends included.
struct ReviewPeriod {
  Date since;
  Date until;
};

// The default period: the week of `today` (Monday to today) and the twelve full weeks
// before it: 13 weeks ending today.
inline constexpr int kDefaultReviewWeeks = 13;
ReviewPeriod default_review_period(Date today);

// invalid_input ("invalid period: --since 2026-12-01 is after --until 2026-11-22") when
// since > until. Needs no database.
Status check_review_period(const ReviewPeriod& period);

// The Monday on or before `day`.
Date week_start(Date day);

// In the inner circle without circles: people whose heaviest type weighs at least this.
inline constexpr int kInnerCircleMinWeight = 4;
// How many people each of "gave most" and "received most" lists.
inline constexpr std::size_t kReviewTopPeople = 5;

// --- Facts: what the store reads, plain values.

// One day of the period with interactions: how many interactions, and what was given and
// received that day as kith balance counts it (an interaction marked gave with weight 2 and
// three people gives 2 to each of them: 6).
struct ReviewDay {
  Date day;
  std::int64_t interactions = 0;
  std::int64_t given = 0;
  std::int64_t received = 0;
};

// One person you had an interaction with in the period, with what flowed in the period.
struct ReviewFlow {
  std::int64_t id = 0;
  std::string name;
  std::string name_key;  // ties break on it
  std::int64_t interactions = 0;
  std::int64_t given = 0;
  std::int64_t received = 0;
};

// A possible inner-circle person: active, not a target, in circle 1 or with a type weighing
// kInnerCircleMinWeight or more.
struct InnerCandidate {
  std::int64_t id = 0;
  std::string name;
  std::string name_key;
  std::optional<int> circle;
  int weight = 0;                   // the heaviest type's weight, 0 without types
  std::optional<Duration> cadence;  // the effective cadence; nullopt: never due
  Date added_on;
  std::optional<Date> last_before;  // the latest interaction before the period
  std::optional<Date> skip;         // the latest skip ("not this round") up to the period's end
};

// A promise (a reminder of kind promise) due in the period.
struct PromiseFact {
  std::int64_t id = 0;
  Date due;
  std::optional<Date> done_on;  // the day it was done, or cancelled
  bool cancelled = false;
};

// The network now: active people are neither archived nor targets.
struct NetworkFigures {
  std::int64_t active = 0;
  std::map<std::string, std::int64_t> by_type;  // active people per type (one per type held)
  std::int64_t untyped = 0;                     // active people without a type
  std::map<int, std::int64_t> by_circle;        // circle 1..3 -> active people in it
  std::int64_t no_circle = 0;                   // active people without a circle
  std::int64_t added = 0;                       // people (not targets) added in the period
  std::int64_t archived = 0;                    // archived people, now
  std::int64_t targets = 0;                     // people you want to meet, not archived
};

// A goal with its people: how many, and how many of them you had an interaction with in the
// period.
struct GoalFact {
  std::int64_t id = 0;
  std::string text;
  std::optional<Date> by;
  Date added_on;
  std::optional<Date> done_on;
  std::int64_t people = 0;
  std::int64_t spoken = 0;
};

struct ReviewFacts {
  std::vector<ReviewDay> days;    // the period's days with interactions, in any order
  std::vector<ReviewFlow> flows;  // everyone with an interaction in the period, in any order
  bool circles_used = false;      // some active person has a circle
  std::vector<InnerCandidate> inner;
  std::vector<PromiseFact> promises;
  NetworkFigures network;
  std::vector<GoalFact> goals;  // every goal
};

// --- Figures.

struct ReviewWeek {
  Date start;  // its Monday
  Date from;   // its first day in the period (start, unless the first week is partial)
  Date to;     // its last day in the period (start + 6, unless the last week is partial)
  std::int64_t interactions = 0;
  std::int64_t given = 0;
  std::int64_t received = 0;
  bool partial() const { return from != start || to != start.plus_days(6); }
};

struct PersonAmount {
  std::int64_t id = 0;
  std::string name;
  std::int64_t amount = 0;
};

// Inner circle, quiet through the period although their cadence asked for contact.
struct NeglectedPerson {
  std::int64_t id = 0;
  std::string name;
  std::optional<int> circle;
  int weight = 0;
  Duration cadence;
  std::optional<Date> last;            // the latest interaction before the period
  std::optional<std::int64_t> silent;  // days from `last` to the period's end; nullopt: never
  Date due;                            // when contact was due
};

// The promises due in the period, each in exactly one bucket.
struct PromiseTally {
  std::int64_t due = 0;           // all of them
  std::int64_t on_time = 0;       // done on or before the day due
  std::int64_t late = 0;          // done after it
  std::int64_t cancelled = 0;     // cancelled (whenever)
  std::int64_t open_overdue = 0;  // still open, due before today
  std::int64_t open = 0;          // still open, due today or later
  // on_time / (on_time + late + open_overdue): of the promises whose day has come and that
  // were not cancelled, the share kept on time; nullopt when there are none.
  std::optional<double> on_time_rate() const;
};

struct GoalProgress {
  std::int64_t id = 0;
  std::string text;
  std::optional<Date> by;
  std::int64_t people = 0;
  std::int64_t spoken = 0;  // of them, with an interaction in the period
};

struct GoalsReview {
  std::int64_t open = 0;                 // open goals, now
  std::int64_t done = 0;                 // done goals, whenever
  std::vector<GoalProgress> open_goals;  // by id
  std::vector<GoalFact> done_in_period;  // done in the period, by day done then id
};

struct Review {
  ReviewPeriod period;
  std::vector<ReviewWeek> weeks;  // every week of the period, oldest first
  std::int64_t interactions = 0;
  std::int64_t given = 0;
  std::int64_t received = 0;
  std::int64_t people = 0;                  // people with an interaction in the period
  std::vector<PersonAmount> gave_most;      // at most kReviewTopPeople, largest first
  std::vector<PersonAmount> received_most;  // likewise
  bool inner_by_circle = true;              // circle 1 is the inner circle; false: heavy types are
  std::vector<NeglectedPerson> neglected;   // the longest overdue first
  PromiseTally promises;
  NetworkFigures network;
  GoalsReview goals;

  // Nothing to look back on: no interaction, no promise due, nobody neglected, no goal and
  // nobody in the network.
  bool empty() const;
};

// The figures of `facts` over `period`, as of `today` (which decides which open promises are
// overdue). REQUIRES: check_review_period(period) passes.
Review review(const ReviewFacts& facts, const ReviewPeriod& period, Date today);

}  // namespace kith
