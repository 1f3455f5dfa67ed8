// Career goals' pure rules: what a goal lacks, the roles it needs, the words it looks for, and
// how the people who could help are ranked.
#include "kith/goal.hpp"

#include <catch2/catch.hpp>
#include <random>

#include "core/fixtures.hpp"

namespace kith {
namespace {

using test::day;

const Date kToday = day("2026-11-22");

Goal goal_needing(std::vector<std::string> needs, std::optional<Date> by = std::nullopt) {
  Goal g;
  g.id = 1;
  g.text = "Become a staff engineer";
  g.needs = std::move(needs);
  g.by = by;
  g.added_on = day("2026-09-01");
  return g;
}

GoalPerson linked(std::int64_t id, std::string role, std::optional<Date> last,
                  bool archived = false) {
  GoalPerson p;
  p.contact_id = id;
  p.name = "P" + std::to_string(id);
  p.name_key = p.name;
  p.role = std::move(role);
  p.last_contact = last;
  p.archived = archived;
  return p;
}

std::vector<std::string> texts(const std::vector<GoalGap>& gaps) {
  std::vector<std::string> out;
  for (const GoalGap& g : gaps) out.push_back(to_string(g));
  return out;
}

SuggestionMatch in_field(MatchField field, std::string word) {
  return {field, std::move(word), std::nullopt, "", 0};
}

SuggestionMatch talk(std::string word, std::string_view on, std::string channel = "coffee") {
  return {MatchField::interaction, std::move(word), day(on), std::move(channel), 1};
}

SuggestionCandidate candidate(std::int64_t id, std::string name,
                              std::vector<SuggestionMatch> matches,
                              std::vector<std::string> types = {}) {
  SuggestionCandidate c;
  c.id = id;
  c.name = name;
  c.name_key = name;
  c.types = std::move(types);
  c.matches = std::move(matches);
  return c;
}

}  // namespace

TEST_CASE("a goal with nobody lacks people and every role, in this order", "[goal][gaps]") {
  Goal g = goal_needing({"mentor", "sponsor"}, day("2026-11-20"));
  CHECK(texts(goal_gaps(g, {}, kToday)) ==
        std::vector<std::string>{"nobody linked yet", "no mentor yet", "no sponsor yet",
                                 "past its date"});
}

TEST_CASE("a role counts only when a linked active person holds it", "[goal][gaps]") {
  Goal g = goal_needing({"mentor", "sponsor"});
  std::vector<GoalPerson> people{linked(1, "mentor", kToday.plus_days(-3)),
                                 linked(2, "sponsor", kToday, true)};
  CHECK(texts(goal_gaps(g, people, kToday)) == std::vector<std::string>{"no sponsor yet"});
  people[1].archived = false;
  CHECK(goal_gaps(g, people, kToday).empty());
}

TEST_CASE("a goal is quiet when nobody linked was contacted in the last 30 days", "[goal][gaps]") {
  Goal g = goal_needing({});
  std::vector<GoalPerson> people{linked(1, "", kToday.plus_days(-31)), linked(2, "", std::nullopt)};
  CHECK(texts(goal_gaps(g, people, kToday)) ==
        std::vector<std::string>{"nobody contacted in a month"});
  people[0].last_contact = kToday.plus_days(-30);  // 30 days ago is within the month
  CHECK(goal_gaps(g, people, kToday).empty());
}

TEST_CASE("a goal is past its date only after its by-day, and a done goal lacks nothing",
          "[goal][gaps]") {
  Goal g = goal_needing({}, kToday);
  std::vector<GoalPerson> people{linked(1, "", kToday)};
  CHECK(goal_gaps(g, people, kToday).empty());
  CHECK(texts(goal_gaps(g, people, kToday.plus_days(1))) ==
        std::vector<std::string>{"past its date"});
  g.done_on = kToday;
  CHECK(goal_gaps(g, {}, kToday.plus_days(5)).empty());
}

TEST_CASE(
    "property: gaps never name a role a linked active person holds, and a goal with every "
    "role and a recent contact lacks nothing",
    "[goal][gaps][property]") {
  std::mt19937 random(20);
  const std::vector<std::string> roles{"mentor", "sponsor", "peer", "manager", ""};
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> needs;
    for (const std::string& r : roles) {
      if (!r.empty() && random() % 2) needs.push_back(r);
    }
    Goal g = goal_needing(needs);
    if (random() % 3 == 0) g.by = kToday.plus_days(static_cast<int>(random() % 60) - 30);
    std::vector<GoalPerson> people;
    int n = static_cast<int>(random() % 5);
    for (int i = 0; i < n; ++i) {
      std::optional<Date> last;
      if (random() % 3) last = kToday.plus_days(-static_cast<int>(random() % 90));
      people.push_back(linked(i + 1, roles[random() % roles.size()], last, random() % 4 == 0));
    }
    auto gaps = goal_gaps(g, people, kToday);
    for (const GoalGap& gap : gaps) {
      if (gap.kind != GoalGap::Kind::role) continue;
      for (const GoalPerson& p : people) {
        INFO("round " << round << ": " << to_string(gap) << " while #" << p.contact_id << " is "
                      << p.role);
        CHECK(!(p.role == gap.role && !p.archived));
      }
    }
    // Now every role held by someone active and recently contacted, and no date passed.
    for (const std::string& r : needs) people.push_back(linked(100, r, kToday.plus_days(-2)));
    people.push_back(linked(101, "", kToday.plus_days(-1)));
    if (g.by && *g.by < kToday) g.by.reset();
    INFO("round " << round);
    CHECK(goal_gaps(g, people, kToday).empty());
  }
}

TEST_CASE("needs are type names with commas, each once, and none or nothing means none",
          "[goal][needs]") {
  CHECK(*parse_needs("mentor") == std::vector<std::string>{"mentor"});
  CHECK(*parse_needs(" Mentor , sponsor,mentor ") == std::vector<std::string>{"mentor", "sponsor"});
  CHECK(parse_needs("none")->empty());
  CHECK(parse_needs("")->empty());
  CHECK(parse_needs(" , ")->empty());
  auto bad = parse_needs("mentor,a b");
  REQUIRE(!bad);
  CHECK(bad.error().code == Errc::invalid_input);
  CHECK(join_needs({"mentor", "sponsor"}) == "mentor,sponsor");
}

TEST_CASE("a goal's text must say something", "[goal]") {
  CHECK(check_goal_text("Become a staff engineer"));
  CHECK(!check_goal_text("   "));
  CHECK(!check_goal_text(std::string("a\x01")));
}

TEST_CASE("a goal's words leave out short words and stop words, each once", "[goal][words]") {
  CHECK(goal_words("Become a Staff Engineer at the staff level by 2027") ==
        std::vector<std::string>{"staff", "engineer", "level", "2027"});
  CHECK(goal_words("Get to the top").size() == 1);  // "top"
  CHECK(goal_words("a an to").empty());
  CHECK(goal_words("Café-owner") == std::vector<std::string>{"cafe", "owner"});
}

TEST_CASE("suggestions rank learn and offer above title and org, above notes and names",
          "[goal][suggest]") {
  std::vector<SuggestionCandidate> cs{
      candidate(1, "Nora", {in_field(MatchField::note, "staff")}),
      candidate(2, "Tess", {in_field(MatchField::title, "staff")}),
      candidate(3, "Lea", {in_field(MatchField::learn, "staff")}),
      candidate(4, "Ned", {in_field(MatchField::name, "staff")}),
  };
  auto ranked = rank_suggestions(cs, kToday);
  REQUIRE(ranked.size() == 4);
  CHECK(ranked[0].name == "Lea");
  CHECK(ranked[0].score == Approx(3.0));
  CHECK(ranked[0].why == std::vector<std::string>{"learn mentions 'staff'"});
  CHECK(ranked[1].name == "Tess");
  CHECK(ranked[2].name == "Ned");  // ties by name: Ned before Nora
  CHECK(ranked[3].name == "Nora");
  CHECK(ranked[3].why == std::vector<std::string>{"note mentions 'staff'"});
}

TEST_CASE("a recent interaction weighs more than an old one, and only the latest per word counts",
          "[goal][suggest]") {
  std::vector<SuggestionCandidate> cs{
      candidate(1, "Old", {talk("principal", "2025-11-22")}),
      candidate(2, "New", {talk("principal", "2026-11-22"), talk("principal", "2026-08-24")}),
  };
  auto ranked = rank_suggestions(cs, kToday);
  REQUIRE(ranked.size() == 2);
  CHECK(ranked[0].name == "New");
  CHECK(ranked[0].score == Approx(2.0));  // today: the whole kSuggestTalkPoints
  CHECK(ranked[0].why == std::vector<std::string>{"coffee 2026-11-22 mentions 'principal'"});
  CHECK(ranked[1].score == Approx(2.0 * 90.0 / (90.0 + 365.0)));
}

TEST_CASE("a mentor or sponsor gets a small bonus, the top five are kept, the why is capped",
          "[goal][suggest]") {
  std::vector<SuggestionCandidate> cs;
  for (int i = 0; i < 7; ++i) {
    cs.push_back(candidate(i + 1, "P" + std::to_string(i), {in_field(MatchField::org, "acme")}));
  }
  cs[6].types = {"sponsor"};
  cs.push_back(
      candidate(20, "Many",
                {in_field(MatchField::learn, "staff"), in_field(MatchField::offer, "staff"),
                 in_field(MatchField::title, "staff"), in_field(MatchField::note, "staff"),
                 talk("staff", "2026-11-01", "")}));
  cs.push_back(candidate(21, "Nothing", {}));
  auto ranked = rank_suggestions(cs, kToday);
  REQUIRE(ranked.size() == kGoalSuggestions);
  CHECK(ranked[0].name == "Many");
  CHECK(ranked[0].why == std::vector<std::string>{"learn mentions 'staff'",
                                                  "offer mentions 'staff'",
                                                  "title mentions 'staff'"});
  CHECK(ranked[1].name == "P6");
  CHECK(ranked[1].score == Approx(2.5));
  CHECK(ranked[2].name == "P0");
  for (const Suggestion& s : ranked) CHECK(s.name != "Nothing");
}

}  // namespace kith
