// The reconnect engine (kith/reconnect.hpp): who is a dormant tie, the score's named terms,
// and its properties over generated networks: each fact moves a tie the right way with
// everything else held equal.
#include "kith/reconnect.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/fixtures.hpp"
#include "kith/text.hpp"

namespace kith {
namespace {

using test::day;
using test::every;

const Date kToday = day("2026-11-23");

TieCandidate tie(std::int64_t id, std::string name, std::int64_t interactions,
                 std::string_view last, std::optional<Duration> cadence = std::nullopt) {
  TieCandidate c;
  c.id = id;
  c.name = std::move(name);
  c.name_key = fold_for_match(c.name);
  c.facts.interactions = interactions;
  c.facts.last = day(last);
  c.facts.cadence = cadence;
  return c;
}

// The ranked names, as one readable line.
std::string order(const std::vector<TieCandidate>& candidates, std::size_t limit = 100) {
  std::string out;
  for (const DormantTie& t : rank_dormant(candidates, kToday, limit)) {
    out += (out.empty() ? "" : ", ") + t.name;
  }
  return out;
}

// "history 14.80, exchange 6.92, ..." as the terms come.
std::string terms_of(const DormantTie& t) {
  std::string out;
  char buf[64];
  for (const ReconnectScoreTerm& term : t.terms) {
    std::snprintf(buf, sizeof buf, "%s %.2f", std::string(to_string(term.term)).c_str(),
                  term.points);
    out += (out.empty() ? "" : ", ") + std::string(buf);
  }
  return out;
}

// A random candidate: some archived, some never talked to, some with a cadence.
TieCandidate random_candidate(std::mt19937& rng, std::int64_t id) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TieCandidate c;
  c.id = id;
  c.name = "P" + std::to_string(pick(0, 40));  // names repeat: ties must break by id
  c.name_key = fold_for_match(c.name);
  TieFacts& f = c.facts;
  f.interactions = pick(0, 6) == 0 ? 0 : pick(1, 100);
  if (f.interactions > 0) f.last = kToday.plus_days(-pick(0, 1500));
  f.given = pick(0, 10);
  f.received = pick(0, 10);
  f.weight = pick(0, 5);
  if (pick(0, 2) == 0)
    f.cadence = std::vector<Duration>{every("2w"), every("8w"), every("9m")}[pick(0, 2)];
  f.has_offer = pick(0, 1) == 1;
  f.archived = pick(0, 9) == 0;
  return c;
}

// The position of `id` in the ranking, or the ranking's size when absent.
std::size_t position(const std::vector<TieCandidate>& candidates, std::int64_t id) {
  auto ranked = rank_dormant(candidates, kToday, candidates.size());
  auto it =
      std::find_if(ranked.begin(), ranked.end(), [&](const DormantTie& t) { return t.id == id; });
  return static_cast<std::size_t>(it - ranked.begin());
}

}  // namespace

TEST_CASE("a reconnect score is the sum of its named terms in a fixed order", "[reconnect]") {
  // docs/ranking.md, "Reconnect": Lin Wu, a mentor without a cadence, 12 interactions, you
  // gave 4 and received 6, last talked 2025-09-30 (419 days before 2026-11-23), and you could
  // offer an intro.
  TieCandidate lin = tie(1, "Lin Wu", 12, "2025-09-30");
  lin.facts.given = 4;
  lin.facts.received = 6;
  lin.facts.weight = 4;
  lin.facts.has_offer = true;
  auto t = assess_tie(lin, kToday);
  REQUIRE(t);
  CHECK(t->silent_days == 419);
  CHECK(terms_of(*t) == "history 14.80, exchange 6.92, importance 6.00, silence 8.79, offer 4.00");
  CHECK(t->score ==
        Approx(4 * std::log2(13.0) + 2 * std::log2(11.0) + 6 + 4 * std::log2(419 / 30.44 / 3) + 4));
  CHECK(t->score == Approx(40.51).margin(0.005));
}

TEST_CASE("who is a dormant tie", "[reconnect]") {
  struct Case {
    const char* what;
    TieCandidate candidate;
    bool dormant;
  };
  TieCandidate archived = tie(1, "A", 5, "2024-01-01");
  archived.facts.archived = true;
  TieCandidate never = tie(1, "A", 0, "2024-01-01");
  never.facts.last.reset();
  const std::vector<Case> cases = {
      {"no cadence, silent 89 days", tie(1, "A", 3, "2026-08-26"), false},
      {"no cadence, silent 90 days", tie(1, "A", 3, "2026-08-25"), true},
      {"no cadence, silent 5 years", tie(1, "A", 1, "2021-11-23"), true},
      {"every 2 weeks, silent exactly a year", tie(1, "A", 3, "2025-11-23", every("2w")), false},
      {"every 2 weeks, silent a year and a day", tie(1, "A", 3, "2025-11-22", every("2w")), true},
      {"every 9 months, silent 17 months", tie(1, "A", 3, "2025-06-23", every("9m")), false},
      {"every 9 months, silent 18 months and a day", tie(1, "A", 3, "2025-05-22", every("9m")),
       true},
      {"archived, long silent", archived, false},
      {"never talked to", never, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CHECK(is_dormant(c.candidate.facts, kToday) == c.dormant);
    CHECK(assess_tie(c.candidate, kToday).has_value() == c.dormant);
  }
}

TEST_CASE("an archived person or one never talked to never appears", "[reconnect]") {
  std::mt19937 rng(19);
  for (int network = 0; network < 50; ++network) {
    std::vector<TieCandidate> candidates;
    for (int i = 1; i <= 60; ++i) candidates.push_back(random_candidate(rng, i));
    for (const DormantTie& t : rank_dormant(candidates, kToday, candidates.size())) {
      const TieCandidate& c = candidates[static_cast<std::size_t>(t.id - 1)];
      CAPTURE(network, t.id);
      CHECK_FALSE(c.facts.archived);
      CHECK(c.facts.interactions > 0);
      CHECK(is_dormant(c.facts, kToday));
    }
  }
}

TEST_CASE("more interactions, given, received, weight, silence or an offer never rank lower",
          "[reconnect]") {
  std::mt19937 rng(2026);
  struct Bump {
    const char* what;
    void (*apply)(TieFacts&);
  };
  const std::vector<Bump> bumps = {
      {"one more interaction", [](TieFacts& f) { ++f.interactions; }},
      {"ten more interactions", [](TieFacts& f) { f.interactions += 10; }},
      {"one more given", [](TieFacts& f) { ++f.given; }},
      {"one more received", [](TieFacts& f) { ++f.received; }},
      {"a heavier type", [](TieFacts& f) { f.weight = std::min(5, f.weight + 1); }},
      {"a month more silent", [](TieFacts& f) { f.last = f.last->plus_days(-30); }},
      {"something to offer", [](TieFacts& f) { f.has_offer = true; }},
  };
  for (int network = 0; network < 40; ++network) {
    std::vector<TieCandidate> candidates;
    for (int i = 1; i <= 40; ++i) candidates.push_back(random_candidate(rng, i));
    for (const TieCandidate& c : candidates) {
      if (!is_dormant(c.facts, kToday)) continue;
      const std::size_t before = position(candidates, c.id);
      const double score = assess_tie(c, kToday)->score;
      for (const Bump& bump : bumps) {
        std::vector<TieCandidate> changed = candidates;
        TieCandidate& mine = changed[static_cast<std::size_t>(c.id - 1)];
        bump.apply(mine.facts);
        CAPTURE(network, c.id, bump.what);
        REQUIRE(is_dormant(mine.facts, kToday));
        CHECK(assess_tie(mine, kToday)->score >= score);
        CHECK(position(changed, c.id) <= before);
      }
    }
  }
}

TEST_CASE("the relationship's history counts more than how long it has been silent",
          "[reconnect]") {
  // Ten interactions 18 months ago outrank one interaction four years ago, and one four
  // months ago; silence adds nothing past two years.
  std::vector<TieCandidate> candidates = {tie(1, "Once long ago", 1, "2022-11-23"),
                                          tie(2, "Ten times", 10, "2025-05-23"),
                                          tie(3, "Once lately", 1, "2026-08-01")};
  CHECK(order(candidates) == "Ten times, Once long ago, Once lately");
  auto two = assess_tie(tie(1, "A", 1, "2024-11-01"), kToday);
  auto four = assess_tie(tie(1, "A", 1, "2022-11-23"), kToday);
  CHECK(two->score == Approx(four->score));
  CHECK(two->score == Approx(kHistoryPoints + kMaxSilencePoints));
  // Counting stops at kMaxCountedInteractions: more scores the same.
  auto many = assess_tie(tie(1, "A", 64, "2024-11-23"), kToday);
  auto most = assess_tie(tie(1, "A", 8000, "2024-11-23"), kToday);
  CHECK(many->score == Approx(most->score));
}

TEST_CASE("dormant ties with equal scores break by name ignoring case and accents, then id",
          "[reconnect]") {
  std::vector<TieCandidate> candidates = {
      tie(3, "zoe", 2, "2025-01-01"), tie(1, "Émile", 2, "2025-01-01"),
      tie(2, "emile", 2, "2025-01-01"), tie(4, "Ana", 2, "2025-01-01")};
  CHECK(order(candidates) == "Ana, emile, Émile, zoe");
}

TEST_CASE("the streamed selection keeps exactly rank_dormant's best, for every limit",
          "[reconnect]") {
  std::mt19937 rng(7);
  for (int network = 0; network < 30; ++network) {
    std::vector<TieCandidate> candidates;
    for (int i = 1; i <= 50; ++i) candidates.push_back(random_candidate(rng, i));
    const auto all = rank_dormant(candidates, kToday, candidates.size());
    for (std::size_t limit : {0u, 1u, 3u, 10u, 60u}) {
      TieSelection selection(kToday, limit);
      for (const TieCandidate& c : candidates) selection.add(c);
      CAPTURE(network, limit);
      CHECK(selection.total() == all.size());
      auto kept = selection.take();
      auto expected = rank_dormant(candidates, kToday, limit);
      REQUIRE(kept.size() == expected.size());
      for (std::size_t i = 0; i < kept.size(); ++i) CHECK(kept[i].id == expected[i].id);
    }
  }
}

}  // namespace kith
