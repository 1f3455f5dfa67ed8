// kith review's use case on an in-memory store: the figures equal recomputations straight
// from the history that was logged.
#include "kith/use_cases/review.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/reminders.hpp"

namespace kith::test {
namespace {

struct Logged {
  Date day;
  Direction direction;
  int weight;
  std::vector<std::int64_t> people;
};

TEST_CASE("review use case: a random history's figures equal recomputations from it",
          "[review][property]") {
  for (unsigned seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    const auto below = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    Network net;
    std::vector<std::int64_t> people;
    for (int i = 0; i < 12; ++i) {
      ContactChange change;
      if (below(2) == 0) change.circle = 1 + below(3);
      if (below(2) == 0) change.every = every(below(2) == 0 ? "2w" : "1m");
      people.push_back(
          net.add("Person " + std::to_string(i), change, net.today.plus_days(-400 + below(300))));
    }
    std::vector<Logged> history;
    for (int i = 0; i < 150; ++i) {
      Logged l{net.today.plus_days(-below(200)),
               std::array{Direction::mutual, Direction::gave, Direction::received}[below(3)],
               1 + below(5),
               {}};
      std::set<std::int64_t> who;
      int n = 1 + below(3);
      while (static_cast<int>(who.size()) < n) who.insert(people[below(12)]);
      l.people.assign(who.begin(), who.end());
      net.met(l.people, l.day, l.direction, l.weight);
      history.push_back(l);
    }
    std::vector<std::pair<Date, int>> promises;  // due, state: 0 open, 1 on time, 2 late, 3 cancel
    for (int i = 0; i < 25; ++i) {
      Date due = net.today.plus_days(-below(150) + 10);
      int state = below(4);
      std::int64_t id = net.book(ReminderKind::promise, people[below(12)], due);
      if (state == 1) REQUIRE(complete_reminder(net.store(), id, false, due.plus_days(-below(3))));
      if (state == 2)
        REQUIRE(complete_reminder(net.store(), id, false, due.plus_days(1 + below(9))));
      if (state == 3) REQUIRE(cancel_reminder(net.store(), id, due));
      promises.emplace_back(due, state);
    }

    ReviewPeriod period = default_review_period(net.today);
    if (seed == 2) period = {net.today.plus_days(-100), net.today.plus_days(-20)};
    // A long period is read another way (two scans merged): the same figures.
    if (seed == 3) period = {net.today.plus_days(-190), net.today.plus_days(-5)};
    auto r = review_period(net.store(), period, net.today);
    REQUIRE(r);

    std::int64_t interactions = 0;
    std::int64_t given = 0;
    std::int64_t received = 0;
    std::map<std::int64_t, std::int64_t> gave_to;
    std::map<std::int64_t, std::int64_t> received_from;
    std::set<std::int64_t> spoken;
    for (const Logged& l : history) {
      if (l.day < period.since || l.day > period.until) continue;
      ++interactions;
      for (std::int64_t p : l.people) {
        spoken.insert(p);
        if (l.direction == Direction::gave) {
          given += l.weight;
          gave_to[p] += l.weight;
        } else if (l.direction == Direction::received) {
          received += l.weight;
          received_from[p] += l.weight;
        }
      }
    }
    std::int64_t weekly = 0;
    std::int64_t weekly_given = 0;
    std::int64_t weekly_received = 0;
    for (const ReviewWeek& w : r->weeks) {
      weekly += w.interactions;
      weekly_given += w.given;
      weekly_received += w.received;
    }
    CHECK(weekly == interactions);
    CHECK(weekly_given == given);
    CHECK(weekly_received == received);
    CHECK(r->people == static_cast<std::int64_t>(spoken.size()));
    for (const PersonAmount& p : r->gave_most) CHECK(gave_to[p.id] == p.amount);
    for (const PersonAmount& p : r->received_most) CHECK(received_from[p.id] == p.amount);
    std::int64_t most_given = 0;
    for (const auto& [id, amount] : gave_to) most_given = std::max(most_given, amount);
    if (most_given > 0) {
      REQUIRE_FALSE(r->gave_most.empty());
      CHECK(r->gave_most.front().amount == most_given);
    }

    std::array<std::int64_t, 4> buckets{};
    std::int64_t open_overdue = 0;
    for (const auto& [due, state] : promises) {
      if (due < period.since || due > period.until) continue;
      ++buckets[static_cast<std::size_t>(state)];
      if (state == 0 && due < net.today) ++open_overdue;
    }
    const PromiseTally& t = r->promises;
    CHECK(t.on_time == buckets[1]);
    CHECK(t.late == buckets[2]);
    CHECK(t.cancelled == buckets[3]);
    CHECK(t.open_overdue == open_overdue);
    CHECK(t.open_overdue + t.open == buckets[0]);
    CHECK(t.due == buckets[0] + buckets[1] + buckets[2] + buckets[3]);

    for (const NeglectedPerson& n : r->neglected) CHECK(spoken.count(n.id) == 0);
    CHECK(r->network.active == 12);
  }
}

TEST_CASE("review use case: a since after the until is refused before reading", "[review]") {
  Network net;
  auto r = review_period(net.store(), {net.today, net.today.plus_days(-1)}, net.today);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == Errc::invalid_input);
}

}  // namespace
}  // namespace kith::test
