// The reconnect use case on an in-memory store: which dormant ties it lists, in what order,
// with what it shows about each, and that it agrees with the pure engine over every contact.
#include "kith/use_cases/reconnect.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "core/use_cases/network.hpp"
#include "kith/text.hpp"
#include "kith/urgency.hpp"
#include "kith/use_cases/outreach.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

// "Lin Wu (mentor, 12 interactions, last 2025-09-30)", one per tie.
std::string ties(const DormantTies& found) {
  std::string out;
  for (const TieToRevive& t : found.ties) {
    if (!out.empty()) out += ", ";
    out += t.contact.name + " (" + (t.heaviest_type.empty() ? "no type" : t.heaviest_type) + ", " +
           std::to_string(t.interactions) + " interactions, last " +
           (t.last ? t.last->day.to_string() : "never") + ")";
  }
  return out;
}

// Lin, a mentor silent since 2025-09-30 after 12 interactions; Sam, without a type, silent
// since June; Rui, without a type, talked three weeks ago; Nell, never talked to; Otto, long
// silent but archived; Pia, a peer in rhythm.
struct People : test::Network {
  std::int64_t lin, sam, rui, nell, otto, pia;
  People() {
    ContactChange mentor;
    mentor.types = {"mentor"};
    mentor.offer = "intro to Ada";
    lin = add("Lin Wu", mentor, day("2024-01-10"));
    sam = add("Sam Roe", {}, day("2025-01-10"));
    rui = add("Rui Costa", {}, day("2025-01-10"));
    nell = add("Nell Park", {}, day("2025-01-10"));
    otto = add("Otto Weiss", {}, day("2024-01-10"));
    ContactChange peer;
    peer.types = {"peer"};
    pia = add("Pia Lund", peer, day("2025-01-10"));
    for (int i = 0; i < 12; ++i) {
      Direction d = i < 4 ? Direction::gave : i < 10 ? Direction::received : Direction::mutual;
      met({lin}, day("2024-09-30").plus_days(i * 30), d);
    }
    met({lin}, day("2025-09-30"));  // the 13th, last
    met({sam}, day("2026-05-01"));
    met({sam, otto}, day("2026-06-01"));
    met({rui}, day("2026-11-01"));
    met({otto}, day("2023-01-01"));
    met({pia}, day("2026-10-15"));
    Contact o = contact(otto);
    o.archived = true;
    REQUIRE(write_for_test(store(), [&]() -> Status { return store().update_contact(o); }));
  }
};

}  // namespace

TEST_CASE("reconnect lists dormant ties most worth reviving first, with why", "[reconnect]") {
  People net;
  const std::string before = net.state();
  auto found = dormant_ties(net.store(), net.today, kDefaultReconnectLimit);
  REQUIRE(found);
  CHECK(ties(*found) ==
        "Lin Wu (mentor, 13 interactions, last 2025-09-30), "
        "Sam Roe (no type, 2 interactions, last 2026-06-01)");
  CHECK(found->total == 2);
  const TieToRevive& lin = found->ties.front();
  CHECK(lin.contact.balance.given == 4);
  CHECK(lin.contact.balance.received == 6);
  CHECK(lin.tie.silent_days == days_between(day("2025-09-30"), net.today));
  CHECK(lin.tie.facts.has_offer);
  CHECK(lin.tie.facts.cadence == every("6w"));
  CHECK(found->ties.back().tie.facts.cadence == std::nullopt);
  CHECK(net.state() == before);  // reads only
}

TEST_CASE("reconnect --limit lists the best few and counts them all", "[reconnect]") {
  People net;
  auto found = dormant_ties(net.store(), net.today, 1);
  REQUIRE(found);
  CHECK(ties(*found) == "Lin Wu (mentor, 13 interactions, last 2025-09-30)");
  CHECK(found->total == 2);
}

TEST_CASE("reconnect refuses a limit out of range before reading anything", "[reconnect]") {
  People net;
  for (int limit : {0, -1, kMaxReconnectLimit + 1}) {
    CAPTURE(limit);
    auto found = dormant_ties(net.store(), net.today, limit);
    CHECK(test::outcome(found) ==
          "invalid_input: invalid --limit " + std::to_string(limit) + ": expected 1 to 1000");
  }
}

TEST_CASE("the best dormant tie leaves out the people it is told to", "[reconnect]") {
  People net;
  std::optional<TieToRevive> best;
  REQUIRE(net.store().read([&]() -> Status {
    auto found = best_dormant_tie(net.store(), net.today, {net.lin});
    if (!found) return found.error();
    best = std::move(*found);
    return {};
  }));
  REQUIRE(best);
  CHECK(best->contact.name == "Sam Roe");
  REQUIRE(net.store().read([&]() -> Status {
    auto found = best_dormant_tie(net.store(), net.today, {net.lin, net.sam});
    if (!found) return found.error();
    CHECK_FALSE(*found);
    return {};
  }));
}

TEST_CASE("an empty database has no dormant ties", "[reconnect]") {
  test::Network net;
  auto found = dormant_ties(net.store(), net.today, 10);
  REQUIRE(found);
  CHECK(found->ties.empty());
  CHECK(found->total == 0);
}

TEST_CASE("reconnect over the store ranks exactly as the engine over every contact",
          "[reconnect]") {
  // Generated networks read at several days (the interactions fall between 2022-01-01 and
  // 2026-08-28): the store's wider filter and capped count must never change who is listed
  // or in what order.
  std::mt19937 rng(42);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<std::string> types = {"", "mentor", "peer", "sponsor", "customer"};
  for (int network = 0; network < 4; ++network) {
    test::Network net;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 30; ++i) {
      ContactChange change;
      const std::string& type = types[static_cast<std::size_t>(pick(0, 4))];
      if (!type.empty()) change.types = {type};
      if (pick(0, 4) == 0) change.every = every("3m");
      if (pick(0, 2) == 0) change.offer = "help";
      ids.push_back(net.add("P" + std::to_string(i), change, day("2022-01-01")));
    }
    for (int i = 0; i < 150; ++i) {
      std::int64_t who = ids[static_cast<std::size_t>(pick(0, 29))];
      // A few people get most interactions (more than the count's cap).
      if (pick(0, 1) == 0) who = ids[static_cast<std::size_t>(pick(0, 2))];
      auto direction = static_cast<Direction>(pick(0, 2));
      net.met({who}, day("2022-01-01").plus_days(pick(0, 1700)), direction, pick(1, 3));
    }
    for (std::int64_t id : ids) {
      if (pick(0, 6) != 0) continue;
      Contact c = net.contact(id);
      c.archived = true;
      REQUIRE(
          write_for_test(net.store(), [&]() -> Status { return net.store().update_contact(c); }));
    }
    auto all_types = net.store().types();
    REQUIRE(all_types);
    // Every interaction falls before each of these days, so the facts hold for all three.
    for (std::string_view on : {"2026-09-01", "2026-11-22", "2028-06-01"}) {
      const Date today = day(on);
      std::vector<TieCandidate> everyone;
      for (std::int64_t id : ids) {
        Contact c = net.contact(id);
        auto count = net.store().interaction_count(id);
        REQUIRE(count);
        TieCandidate t;
        t.id = id;
        t.name = c.name;
        t.name_key = fold_for_match(c.name);
        t.facts.interactions = *count;
        t.facts.given = c.balance.given;
        t.facts.received = c.balance.received;
        t.facts.weight = c.types.empty() ? 0 : heaviest_type(c, *all_types).second;
        t.facts.cadence = effective_cadence(c, *all_types);
        t.facts.last = c.last_contact;
        t.facts.has_offer = !c.offer.empty();
        t.facts.archived = c.archived;
        everyone.push_back(t);
      }
      auto expected = rank_dormant(everyone, today, 100);
      auto found = dormant_ties(net.store(), today, 100);
      REQUIRE(found);
      CAPTURE(network, on);
      CHECK(found->total == expected.size());
      REQUIRE(found->ties.size() == expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(found->ties[i].contact.id == expected[i].id);
        CHECK(found->ties[i].tie.score == Approx(expected[i].score));
      }
    }
  }
}

}  // namespace kith

namespace kith {

TEST_CASE("a plan with room carries the best dormant tie it does not hold", "[reconnect]") {
  People net;
  PlanOptions o;
  o.start = net.today.plus_days(1);
  auto plan = plan_outreach(net.store(), net.today, o, false);
  REQUIRE(plan);
  REQUIRE(plan->slots.size() == 1);  // Lin, long overdue
  CHECK(plan->slots.front().person.contact.name == "Lin Wu");
  REQUIRE(plan->reconnect);
  CHECK(plan->reconnect->contact.name == "Sam Roe");

  o.per_day = 1;
  o.days = 1;
  auto full = plan_outreach(net.store(), net.today, o, false);
  REQUIRE(full);
  CHECK(full->slots.size() == 1);
  CHECK_FALSE(full->reconnect);
}

}  // namespace kith
