// Relationship types (kith types, types add, types set) against an in-memory store.
#include "kith/use_cases/types.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"

namespace kith {
namespace {

using test::every;
using test::Network;
using test::outcome;

TypeChange change(std::optional<std::optional<Duration>> cadence, std::optional<int> weight) {
  TypeChange c;
  c.every = cadence;
  c.weight = weight;
  return c;
}

// "name every weight" of one type in the table, or "absent".
std::string row(const TypeTable& table, const std::string& name) {
  for (const auto& t : table.types) {
    if (t.name == name) {
      return t.name + " " + (t.every ? t.every->to_string() : "-") + " " +
             std::to_string(t.weight) + (t.builtin ? "" : " yours");
    }
  }
  return "absent";
}

}  // namespace

TEST_CASE("the type table lists every type and counts its active contacts", "[use_cases][types]") {
  Network net;
  ContactChange mentor;
  mentor.types = {"mentor"};
  net.add("Ada", mentor);
  net.add("Bob", mentor);
  net.add("Gone", mentor);
  REQUIRE(archive_contact(net.store(), "gone", true, net.today));
  auto table = type_table(net.store());
  REQUIRE(table);
  CHECK(table->types.size() == 6);
  CHECK(row(*table, "mentor") == "mentor 6w 4");
  CHECK(table->count("mentor") == 2);
  CHECK(table->count("peer") == 0);
}

TEST_CASE("adding a type gives it the cadence and weight asked for, 3 and none by default",
          "[use_cases][types]") {
  Network net;
  auto friend_type =
      add_type(net.store(), " Friend ", change(every("1m"), std::nullopt), net.today);
  REQUIRE(friend_type);
  CHECK(friend_type->name == "friend");
  CHECK(row(friend_type->table, "friend") == "friend 1m 3 yours");
  auto club = add_type(net.store(), "club", change(std::nullopt, 1), net.today);
  REQUIRE(club);
  CHECK(row(club->table, "club") == "club - 1 yours");
  CHECK(row(club->table, "friend") == "friend 1m 3 yours");  // the table as it is afterwards
}

TEST_CASE("setting a type changes its cadence or weight, and 'none' clears the cadence",
          "[use_cases][types]") {
  Network net;
  auto mentor = set_type(net.store(), "MENTOR", change(every("3m"), 5), net.today);
  REQUIRE(mentor);
  CHECK(row(mentor->table, "mentor") == "mentor 3m 5");
  auto peer =
      set_type(net.store(), "peer", change(std::optional<Duration>(), std::nullopt), net.today);
  REQUIRE(peer);
  CHECK(row(peer->table, "peer") == "peer - 2");
  auto weight = set_type(net.store(), "peer", change(std::nullopt, 4), net.today);
  REQUIRE(weight);
  CHECK(row(weight->table, "peer") == "peer - 4");  // the cadence stays cleared
}

TEST_CASE("a contact's due follows its type's cadence as it changes", "[use_cases][types]") {
  Network net;
  ContactChange mentor;
  mentor.types = {"mentor"};
  std::int64_t ada = net.add("Ada", mentor);
  REQUIRE(set_type(net.store(), "mentor", change(every("3m"), std::nullopt), net.today));
  auto view = edit_contact(net.store(), "ada", ContactChange{}, net.today);
  REQUIRE(view);
  CHECK(view->contact.id == ada);
  CHECK(view->due.next == test::day("2027-02-22"));
}

TEST_CASE("a type change that cannot be made is refused and changes nothing",
          "[use_cases][types]") {
  Network net;
  const std::string before = net.state();
  struct Case {
    std::string label;
    bool adding;
    std::string name;
    TypeChange change;
    std::string outcome;
  };
  for (const Case& c : std::vector<Case>{
           {"adding one that exists",
            true,
            "Mentor",
            {},
            "invalid_input: type 'mentor' already "
            "exists"},
           {"adding a name of 40 letters",
            true,
            std::string(40, 'a'),
            {},
            "invalid_input: invalid type name"},
           {"adding with weight 0", true, "friend", change(std::nullopt, 0),
            "invalid_input: invalid weight 0"},
           {"setting one that does not exist", false, "wizard", change(std::nullopt, 2),
            "not_found: no type 'wizard'"},
           {"setting weight 9", false, "peer", change(std::nullopt, 9),
            "invalid_input: invalid weight 9"},
           {"setting nothing",
            false,
            "peer",
            {},
            "invalid_input: nothing to change for type 'peer': give --every or --weight"},
       }) {
    CAPTURE(c.label);
    auto result = c.adding ? add_type(net.store(), c.name, c.change, net.today)
                           : set_type(net.store(), c.name, c.change, net.today);
    CHECK_THAT(outcome(result), Catch::StartsWith(c.outcome));
    CHECK(net.state() == before);
  }
}

}  // namespace kith
