#include "kith/path.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;

const Date kToday = day("2026-11-22");

PathPerson person(std::int64_t id, std::optional<Date> last = std::nullopt, int year = 0,
                  std::int64_t net = 0, int weight = kUntypedWeight) {
  PathPerson p;
  p.id = id;
  p.name = "P" + std::to_string(id);
  p.last_contact = last;
  p.interactions_year = year;
  p.given = net > 0 ? net : 0;
  p.received = net < 0 ? -net : 0;
  p.weight = weight;
  return p;
}

PathLink knows(std::int64_t a, std::int64_t b) { return {a, b, LinkSource::knows, "", 1, {}}; }
PathLink introduced(std::int64_t a, std::int64_t b) {
  return {a, b, LinkSource::introducer, "", 1, {}};
}
PathLink together(std::int64_t a, std::int64_t b, int count, Date last) {
  return {a, b, LinkSource::together, "", count, last};
}

// "1>2>9 0.5940; ...": each route's people and strength.
std::string routes_text(const std::vector<Route>& routes) {
  std::string out;
  for (const Route& r : routes) {
    for (std::size_t i = 0; i < r.people.size(); ++i) {
      out += (i ? ">" : "") + std::to_string(r.people[i]);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, " %.4f; ", r.strength);
    out += buf;
  }
  return out;
}

// Every route by brute force: every sequence of 1 to 3 distinct people that starts with one
// you know and ends at an end point, through nobody archived and no end point before the last.
std::vector<Route> brute_force(const PathGraph& g, const std::vector<std::int64_t>& ends,
                               Date today) {
  auto is_end = [&](std::int64_t id) {
    return std::find(ends.begin(), ends.end(), id) != ends.end();
  };
  auto strongest = [&](std::int64_t a, std::int64_t b) {
    double best = 0;
    for (const PathLink& l : g.links) {
      if ((l.a == a && l.b == b) || (l.a == b && l.b == a)) {
        best = std::max(best, link_strength(l, today));
      }
    }
    return best;
  };
  std::vector<Route> out;
  for (const PathPerson& a : g.people) {
    if (a.archived || a.target || is_end(a.id)) continue;
    double s1 = first_hop(a, today).strength;
    for (const PathPerson& x : g.people) {
      if (x.archived || x.id == a.id) continue;
      double w = strongest(a.id, x.id);
      if (w == 0) continue;
      if (is_end(x.id)) {
        Route r;
        r.people = {a.id, x.id};
        r.strength = s1 * w;
        out.push_back(r);
        continue;
      }
      for (const PathPerson& t : g.people) {
        if (t.archived || !is_end(t.id) || t.id == a.id || t.id == x.id) continue;
        double w2 = strongest(x.id, t.id);
        if (w2 == 0) continue;
        Route r;
        r.people = {a.id, x.id, t.id};
        r.strength = s1 * w * w2;
        out.push_back(r);
      }
    }
  }
  std::sort(out.begin(), out.end(), warmer);
  return out;
}

PathGraph random_graph(std::mt19937& rng, int people, int links) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  PathGraph g;
  for (int i = 1; i <= people; ++i) {
    std::optional<Date> last;
    if (pick(4) != 0) last = kToday.plus_days(-pick(400));
    PathPerson p = person(i, last, pick(15), pick(11) - 5, 1 + pick(5));
    p.archived = pick(8) == 0;
    p.target = pick(8) == 0;
    g.people.push_back(p);
  }
  for (int i = 0; i < links; ++i) {
    std::int64_t a = 1 + pick(people);
    std::int64_t b = 1 + pick(people);
    if (a == b) continue;
    switch (pick(3)) {
      case 0: g.links.push_back(knows(a, b)); break;
      case 1: g.links.push_back(introduced(a, b)); break;
      default: g.links.push_back(together(a, b, 1 + pick(7), kToday.plus_days(-pick(700))));
    }
  }
  return g;
}

}  // namespace

TEST_CASE("your link to someone is the weighted sum of recency, frequency, balance and type",
          "[path]") {
  FirstHop fresh = first_hop(person(1, kToday, 12, 5, kMaxWeight), kToday);
  CHECK(fresh.strength == Approx(1.0));
  FirstHop never = first_hop(person(1, std::nullopt, 0, -5, kMinWeight), kToday);
  CHECK(never.strength == Approx(kMinLinkStrength));
  FirstHop half = first_hop(person(1, kToday.plus_days(-90)), kToday);
  CHECK(half.recency == Approx(0.5));
  CHECK(half.balance == Approx(0.5));
  CHECK(half.type == Approx(0.5));  // kUntypedWeight
  CHECK(half.frequency == Approx(0.0));
}

TEST_CASE(
    "a link between two people is strongest when recorded, then an introducer, then "
    "interactions together",
    "[path]") {
  CHECK(link_strength(knows(1, 2), kToday) > link_strength(introduced(1, 2), kToday));
  double best_together = link_strength(together(1, 2, 100, kToday), kToday);
  CHECK(link_strength(introduced(1, 2), kToday) > best_together);
  CHECK(best_together == Approx(kTogetherBase + kTogetherSpan));
  CHECK(link_strength(together(1, 2, 1, kToday.plus_days(-365)), kToday) ==
        Approx(kTogetherBase + kTogetherSpan / kTogetherFull * 0.5));
  CHECK(link_strength(together(1, 2, 3, kToday), kToday) >
        link_strength(together(1, 2, 2, kToday), kToday));
}

TEST_CASE("the worked example of docs/ranking.md computes the figures it states", "[path]") {
  // Ada Lovelace: a mentor (weight 4), coffee 5 days ago, 4 interactions in the last year, you
  // gave 5 and received 2; she knows Lin Chen (kith knows). Grace Hopper: a peer (weight 2),
  // last spoke 40 days ago, 2 interactions, even; she knows Bob Lee (kith knows), a contact
  // with nothing logged, who introduced you to Lin.
  PathGraph g;
  PathPerson ada = person(1, kToday.plus_days(-5), 4, 3, 4);
  PathPerson grace = person(2, kToday.plus_days(-40), 2, 0, 2);
  PathPerson bob = person(3);
  PathPerson lin = person(4);
  lin.target = true;
  g.people = {ada, grace, bob, lin};
  g.links = {knows(1, 4), knows(2, 3), introduced(3, 4)};
  std::vector<Route> routes = find_routes(g, {4}, kToday, 5);
  REQUIRE(routes.size() == 3);
  CHECK(routes[0].people == std::vector<std::int64_t>{1, 4});
  CHECK(routes[1].people == std::vector<std::int64_t>{2, 3, 4});
  CHECK(routes[2].people == std::vector<std::int64_t>{3, 4});

  // The figures as the document states them, to four decimals.
  std::ifstream doc(std::string(KITH_SOURCE_DIR) + "/docs/ranking.md");
  REQUIRE(doc);
  std::stringstream text;
  text << doc.rdbuf();
  auto stated = [&](double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", value);
    INFO("docs/ranking.md should state " << buf);
    CHECK(text.str().find(buf) != std::string::npos);
  };
  stated(routes[0].first.recency);
  stated(routes[0].first.strength);
  stated(routes[0].strength);
  stated(routes[1].first.strength);
  stated(routes[1].first.recency);
  stated(routes[1].strength);
  stated(routes[2].first.strength);
  stated(routes[2].strength);
  CHECK(routes[0].strength == Approx(0.6644).margin(0.00005));
}

TEST_CASE("routes end at the target, at most three steps, warmest first", "[path]") {
  PathGraph g;
  g.people = {person(1, kToday, 6, 2, 4), person(2, kToday.plus_days(-200), 1), person(3),
              person(9)};
  g.people[3].target = true;
  g.links = {knows(1, 3), knows(3, 9), knows(2, 9)};
  auto routes = find_routes(g, {9}, kToday, 5);
  // 2 reaches 9 directly; 1 through 3; 3 itself is someone you know too.
  CHECK(routes.size() == 3);
  for (const Route& r : routes) {
    CHECK(r.people.size() <= kMaxSteps);
    CHECK(r.people.back() == 9);
    CHECK(r.strengths.size() == r.people.size());
  }
  CHECK(std::is_sorted(routes.begin(), routes.end(), warmer));
  CHECK(find_routes(g, {9}, kToday, 1).size() == 1);
  CHECK(find_routes(g, {9}, kToday, 0).empty());
  CHECK(find_routes(g, {42}, kToday, 5).empty());  // nobody
}

TEST_CASE("a target or an end point is never the first hop, and nobody archived is on a route",
          "[path]") {
  PathGraph g;
  g.people = {person(1, kToday, 12, 5, 5), person(2, kToday, 12, 5, 5), person(9)};
  g.people[0].archived = true;
  g.people[1].target = true;
  g.links = {knows(1, 9), knows(2, 9)};
  CHECK(find_routes(g, {9}, kToday, 5).empty());
  g.people[1].target = false;
  CHECK(routes_text(find_routes(g, {9}, kToday, 5)) == "2>9 0.9000; ");
}

TEST_CASE("a pair linked several ways counts once, by its strongest link", "[path]") {
  PathGraph g;
  g.people = {person(1, kToday, 12, 5, 5), person(9)};
  g.links = {together(1, 9, 1, kToday), knows(9, 1), introduced(1, 9)};
  auto routes = find_routes(g, {9}, kToday, 5);
  REQUIRE(routes.size() == 1);
  CHECK(routes[0].links[0].source == LinkSource::knows);
  CHECK(routes[0].strength == Approx(kKnowsStrength));
}

TEST_CASE(
    "property: routes never pass an archived person, never repeat one, have at most "
    "three steps, and the best equals the brute-force maximum",
    "[path][property]") {
  std::mt19937 rng(20261122);
  for (int round = 0; round < 300; ++round) {
    CAPTURE(round);
    const int people = 3 + static_cast<int>(rng() % 10);
    PathGraph g = random_graph(rng, people, static_cast<int>(rng() % 30));
    std::vector<std::int64_t> ends{1 + static_cast<std::int64_t>(rng() % people)};
    if (rng() % 3 == 0) ends.push_back(1 + static_cast<std::int64_t>(rng() % people));
    const std::size_t limit = 1 + rng() % 6;
    auto routes = find_routes(g, ends, kToday, limit);
    auto all = brute_force(g, ends, kToday);
    CHECK(routes.size() == std::min(limit, all.size()));
    for (std::size_t i = 0; i < routes.size(); ++i) {
      const Route& r = routes[i];
      CHECK(r.people.size() >= 2);
      CHECK(r.people.size() <= static_cast<std::size_t>(kMaxSteps));
      std::vector<std::int64_t> sorted = r.people;
      std::sort(sorted.begin(), sorted.end());
      CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
      for (std::int64_t id : r.people)
        CHECK_FALSE(g.people[static_cast<std::size_t>(id - 1)].archived);
      // The same routes as brute force, in the same order.
      CHECK(r.people == all[i].people);
      CHECK(r.strength == Approx(all[i].strength));
    }
    if (!routes.empty()) CHECK(routes[0].strength == Approx(all[0].strength));
  }
}

TEST_CASE("property: a stronger link never ranks below a weaker one otherwise equal",
          "[path][property]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    // Two people you know equally, each knowing the target: one link is made stronger.
    const int last = static_cast<int>(rng() % 300);
    PathGraph g;
    g.people = {person(1, kToday.plus_days(-last), 3, 1, 3),
                person(2, kToday.plus_days(-last), 3, 1, 3), person(9)};
    const int weak_count = 1 + static_cast<int>(rng() % 4);
    const LinkSource strong = rng() % 2 ? LinkSource::knows : LinkSource::introducer;
    g.links = {together(1, 9, weak_count, kToday.plus_days(-static_cast<int>(rng() % 500))),
               {2, 9, strong, "", 1, {}}};
    auto routes = find_routes(g, {9}, kToday, 2);
    REQUIRE(routes.size() == 2);
    CHECK(routes[0].people.front() == 2);
    // And a warmer first hop, all else equal, ranks first.
    g.links = {knows(1, 9), knows(2, 9)};
    g.people[0].last_contact = kToday.plus_days(-last - 1 - static_cast<int>(rng() % 30));
    routes = find_routes(g, {9}, kToday, 2);
    REQUIRE(routes.size() == 2);
    CHECK(routes[0].people.front() == 2);
  }
}

}  // namespace kith
