// The review's figures (kith/review.hpp): pure, over plain facts.
#include "kith/review.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "cli/review_chart.hpp"
#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

ReviewPeriod period(std::string_view since, std::string_view until) {
  return {day(since), day(until)};
}

InnerCandidate inner(std::int64_t id, std::string name, std::optional<int> circle, int weight,
                     std::optional<Duration> cadence, std::optional<Date> last_before,
                     Date added_on = day("2025-01-01")) {
  InnerCandidate c;
  c.id = id;
  c.name = name;
  c.name_key = name;
  c.circle = circle;
  c.weight = weight;
  c.cadence = cadence;
  c.last_before = last_before;
  c.added_on = added_on;
  return c;
}

TEST_CASE("review: the default period is this week and the twelve before it", "[review]") {
  ReviewPeriod p = default_review_period(day("2026-11-22"));  // a Sunday
  CHECK(p.since == day("2026-08-24"));                        // a Monday, 12 weeks earlier
  CHECK(p.until == day("2026-11-22"));
  CHECK(week_start(day("2026-11-16")) == day("2026-11-16"));
  CHECK(week_start(day("2026-11-22")) == day("2026-11-16"));
  Review r = review({}, p, day("2026-11-22"));
  CHECK(r.weeks.size() == 13);
  CHECK_FALSE(r.weeks.back().partial());
  Review wednesday = review({}, default_review_period(day("2026-11-18")), day("2026-11-18"));
  CHECK(wednesday.weeks.size() == 13);
  CHECK(wednesday.weeks.back().partial());
  CHECK(wednesday.weeks.back().to == day("2026-11-18"));
}

TEST_CASE("review: a since after the until is refused, naming both days", "[review]") {
  Status s = check_review_period(period("2026-12-01", "2026-11-22"));
  REQUIRE_FALSE(s);
  CHECK(s.error().code == Errc::invalid_input);
  CHECK(s.error().message == "invalid period: --since 2026-12-01 is after --until 2026-11-22");
  CHECK(check_review_period(period("2026-11-22", "2026-11-22")));
}

TEST_CASE("review: partial first and last weeks count only their days in the period", "[review]") {
  ReviewFacts facts;
  facts.days = {{day("2026-11-02"), 5, 0, 0},   // the Monday before the period: outside
                {day("2026-11-04"), 2, 3, 1},   // Wednesday: the first, partial week
                {day("2026-11-10"), 1, 0, 2},   // a full week
                {day("2026-11-18"), 4, 0, 0},   // the last day of the period
                {day("2026-11-19"), 7, 0, 0}};  // after it
  Review r = review(facts, period("2026-11-04", "2026-11-18"), day("2026-11-22"));
  REQUIRE(r.weeks.size() == 3);
  CHECK(r.weeks[0].start == day("2026-11-02"));
  CHECK(r.weeks[0].from == day("2026-11-04"));
  CHECK(r.weeks[0].partial());
  CHECK(r.weeks[0].interactions == 2);
  CHECK(r.weeks[0].given == 3);
  CHECK_FALSE(r.weeks[1].partial());
  CHECK(r.weeks[1].received == 2);
  CHECK(r.weeks[2].to == day("2026-11-18"));
  CHECK(r.weeks[2].interactions == 4);
  CHECK(r.interactions == 7);
  CHECK(r.given == 3);
  CHECK(r.received == 3);
}

TEST_CASE("review: the people given to most come first, ties by name, at most five", "[review]") {
  ReviewFacts facts;
  for (int i = 1; i <= 7; ++i) {
    std::string name(1, static_cast<char>('a' + 7 - i));
    facts.flows.push_back({i, name, name, 1, i == 7 ? 9 : 2, i == 3 ? 4 : 0});
  }
  Review r = review(facts, period("2026-11-01", "2026-11-22"), day("2026-11-22"));
  REQUIRE(r.gave_most.size() == 5);
  CHECK(r.gave_most[0].name == "a");  // id 7, gave 9
  CHECK(r.gave_most[0].amount == 9);
  CHECK(r.gave_most[1].name == "b");  // the rest gave 2 each: by name
  CHECK(r.gave_most[4].name == "e");
  REQUIRE(r.received_most.size() == 1);  // nothing received from the others: not listed
  CHECK(r.received_most[0].id == 3);
  CHECK(r.people == 7);
}

TEST_CASE("review: neglected are inner-circle people whose cadence came due without contact",
          "[review]") {
  ReviewFacts facts;
  facts.circles_used = true;
  ReviewPeriod p = period("2026-09-01", "2026-11-22");
  facts.inner = {
      inner(1, "Came due in the period", 1, 0, every("1m"), day("2026-08-20")),
      inner(2, "Spoken with", 1, 0, every("2w"), day("2026-08-01")),
      inner(3, "Cadence not yet due", 1, 0, every("1y"), day("2026-06-01")),
      inner(4, "Outer circle", 2, 5, every("1w"), day("2026-01-01")),
      inner(5, "Never met", 1, 0, every("1m"), std::nullopt, day("2026-08-01")),
      inner(6, "No cadence", 1, 0, std::nullopt, day("2026-01-01")),
      inner(7, "Added after the period", 1, 0, every("1w"), std::nullopt, day("2026-11-23")),
  };
  facts.flows.push_back({2, "Spoken with", "Spoken with", 1, 0, 0});
  Review r = review(facts, p, day("2026-11-22"));
  REQUIRE(r.neglected.size() == 2);
  CHECK(r.neglected[0].name == "Never met");  // due 2026-09-01, the longest overdue
  CHECK(r.neglected[0].due == day("2026-09-01"));
  CHECK_FALSE(r.neglected[0].silent);
  CHECK(r.neglected[1].name == "Came due in the period");  // due 2026-09-20
  CHECK(r.neglected[1].silent == days_between(day("2026-08-20"), day("2026-11-22")));

  SECTION("a skip moves the day due on, as in the report") {
    facts.inner[4].skip = day("2026-11-01");
    Review skipped = review(facts, p, day("2026-11-22"));
    REQUIRE(skipped.neglected.size() == 1);
    CHECK(skipped.neglected[0].id == 1);
  }
  SECTION("without circles, the heaviest types are the inner circle") {
    facts.circles_used = false;
    Review heavy = review(facts, p, day("2026-11-22"));
    REQUIRE(heavy.neglected.size() == 1);
    CHECK(heavy.neglected[0].name == "Outer circle");
    CHECK_FALSE(heavy.inner_by_circle);
  }
}

TEST_CASE("review: promises due in the period fall in one bucket each", "[review]") {
  ReviewFacts facts;
  facts.promises = {
      {1, day("2026-11-10"), day("2026-11-10"), false},  // on time
      {2, day("2026-11-10"), day("2026-11-09"), false},  // early: on time
      {3, day("2026-11-10"), day("2026-11-12"), false},  // late
      {4, day("2026-11-10"), day("2026-11-11"), true},   // cancelled
      {5, day("2026-11-10"), std::nullopt, false},       // open, overdue
      {6, day("2026-11-22"), std::nullopt, false},       // open, due today
      {7, day("2026-10-01"), std::nullopt, false},       // due before the period
  };
  Review r = review(facts, period("2026-11-01", "2026-11-22"), day("2026-11-22"));
  const PromiseTally& t = r.promises;
  CHECK(t.due == 6);
  CHECK(t.on_time == 2);
  CHECK(t.late == 1);
  CHECK(t.cancelled == 1);
  CHECK(t.open_overdue == 1);
  CHECK(t.open == 1);
  REQUIRE(t.on_time_rate());
  CHECK(*t.on_time_rate() == Approx(0.5));  // 2 of 4 come due and not cancelled
  CHECK_FALSE(PromiseTally{}.on_time_rate());
}

TEST_CASE("review: goals open with their progress, and those done in the period", "[review]") {
  ReviewFacts facts;
  facts.goals = {{2, "Staff engineer", day("2027-06-30"), day("2026-01-01"), std::nullopt, 3, 1},
                 {1, "Talk at a conference", std::nullopt, day("2026-01-01"), std::nullopt, 0, 0},
                 {3, "Find a mentor", std::nullopt, day("2026-01-01"), day("2026-11-02"), 1, 1},
                 {4, "Old", std::nullopt, day("2025-01-01"), day("2025-06-01"), 0, 0}};
  Review r = review(facts, period("2026-11-01", "2026-11-22"), day("2026-11-22"));
  CHECK(r.goals.open == 2);
  CHECK(r.goals.done == 2);
  REQUIRE(r.goals.open_goals.size() == 2);
  CHECK(r.goals.open_goals[0].id == 1);
  CHECK(r.goals.open_goals[1].spoken == 1);
  REQUIRE(r.goals.done_in_period.size() == 1);
  CHECK(r.goals.done_in_period[0].id == 3);
}

// Random facts with a fixed seed: the figures equal recomputations over the same facts.
TEST_CASE("review: weekly figures sum to the period's and promise buckets partition",
          "[review][property]") {
  std::mt19937 rng(20261122);
  const Date base = day("2026-01-01");
  for (int round = 0; round < 200; ++round) {
    Date a = base.plus_days(std::uniform_int_distribution<int>(0, 300)(rng));
    Date b = a.plus_days(std::uniform_int_distribution<int>(0, 120)(rng));
    ReviewPeriod p{a, b};
    Date today = a.plus_days(std::uniform_int_distribution<int>(0, 200)(rng));
    ReviewFacts facts;
    std::int64_t interactions = 0;
    std::int64_t given = 0;
    std::int64_t received = 0;
    std::int64_t due = 0;
    int days = std::uniform_int_distribution<int>(0, 60)(rng);
    for (int i = 0; i < days; ++i) {
      ReviewDay d{base.plus_days(std::uniform_int_distribution<int>(-30, 450)(rng)),
                  std::uniform_int_distribution<int>(1, 9)(rng),
                  std::uniform_int_distribution<int>(0, 9)(rng),
                  std::uniform_int_distribution<int>(0, 9)(rng)};
      if (d.day >= a && d.day <= b) {
        interactions += d.interactions;
        given += d.given;
        received += d.received;
      }
      facts.days.push_back(d);
    }
    int promises = std::uniform_int_distribution<int>(0, 30)(rng);
    for (int i = 0; i < promises; ++i) {
      PromiseFact f;
      f.id = i;
      f.due = base.plus_days(std::uniform_int_distribution<int>(0, 450)(rng));
      int state = std::uniform_int_distribution<int>(0, 3)(rng);
      if (state > 0) f.done_on = f.due.plus_days(std::uniform_int_distribution<int>(-5, 5)(rng));
      f.cancelled = state == 3;
      if (f.due >= a && f.due <= b) ++due;
      facts.promises.push_back(f);
    }
    Review r = review(facts, p, today);
    std::int64_t weekly = 0;
    std::int64_t weekly_given = 0;
    std::int64_t weekly_received = 0;
    for (const ReviewWeek& w : r.weeks) {
      weekly += w.interactions;
      weekly_given += w.given;
      weekly_received += w.received;
      CHECK(w.start.weekday() == Weekday::monday);
    }
    CHECK(weekly == interactions);
    CHECK(weekly_given == given);
    CHECK(weekly_received == received);
    CHECK(r.interactions == interactions);
    CHECK(r.weeks.front().from == a);
    CHECK(r.weeks.back().to == b);
    const PromiseTally& t = r.promises;
    CHECK(t.due == due);
    CHECK(t.on_time + t.late + t.cancelled + t.open_overdue + t.open == t.due);
  }
}

TEST_CASE("review chart: a larger count never draws a shorter bar", "[review][property]") {
  using cli::Glyphs;
  std::mt19937 rng(7);
  for (Glyphs glyphs : {Glyphs::unicode, Glyphs::ascii}) {
    for (int round = 0; round < 300; ++round) {
      std::int64_t max = std::uniform_int_distribution<std::int64_t>(1, 5000)(rng);
      int width = std::uniform_int_distribution<int>(1, 40)(rng);
      int previous = 0;
      for (std::int64_t v = 0; v <= max; v += 1 + max / 200) {
        int length = cli::bar_length(v, max, width, glyphs);
        CHECK(length >= previous);
        CHECK(length <= width * cli::bar_steps(glyphs));
        if (v > 0) CHECK(length >= 1);
        previous = length;
      }
      CHECK(cli::bar_length(max, max, width, glyphs) == width * cli::bar_steps(glyphs));
      CHECK(cli::bar_length(0, max, width, glyphs) == 0);
    }
  }
  CHECK(cli::bar(12, 3, Glyphs::unicode, '#', true) == "█▌ ");
  CHECK(cli::bar(2, 3, Glyphs::ascii, '#', true) == "## ");
  CHECK(cli::bar(0, 3, Glyphs::ascii, '#', false).empty());
  CHECK(cli::month_day(day("2026-11-02")) == "Nov 02");
}

}  // namespace
}  // namespace kith
