// The introductions graph's use cases on an in-memory store: kith knows, intro and path, and
// targets.
#include "kith/use_cases/introductions.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/interactions.hpp"
#include "kith/use_cases/journal.hpp"

namespace kith {
namespace {

using test::day;
using test::Network;

// Whom `who` knows, as "Lin Chen knows former colleagues; Bob Lee together 2; ...".
std::string known(Network& net, const std::string& who) {
  auto found = acquaintances(net.store(), who, net.today);
  INFO((found ? "" : found.error().message));
  REQUIRE(found);
  std::string out;
  for (const Acquaintance& a : found->known) {
    out += a.name + " " + std::string(to_string(a.link.source));
    if (!a.link.how.empty()) out += " " + a.link.how;
    if (a.link.source == LinkSource::together) out += " " + std::to_string(a.link.count);
    out += "; ";
  }
  return out;
}

KnowsRecorded knows(Network& net, const std::string& a, const std::string& b,
                    std::optional<std::string> how = std::nullopt, bool forget = false) {
  auto done = record_knows(net.store(), {a, b, how, forget}, net.today);
  INFO((done ? "" : done.error().message));
  REQUIRE(done);
  return *done;
}

// Each route as "Ada Lovelace > Lin Chen".
std::string routes(Network& net, const PathRequest& request) {
  auto found = find_path(net.store(), request, net.today);
  INFO((found ? "" : found.error().message));
  REQUIRE(found);
  std::string out;
  for (const Route& r : found->routes) {
    for (std::size_t i = 0; i < r.people.size(); ++i) {
      for (const RoutePerson& p : found->people) {
        if (p.person.id == r.people[i]) out += (i ? " > " : "") + p.person.name;
      }
    }
    out += "; ";
  }
  return out;
}

ContactChange target() {
  ContactChange c;
  c.target = true;
  return c;
}

ContactChange mentor_at(std::string org = "") {
  ContactChange c;
  c.types = {"mentor"};
  if (!org.empty()) c.org = org;
  return c;
}

}  // namespace

TEST_CASE("knows records a pair once, updates how, and forgets it, each undoable",
          "[use-cases][path]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Lin Chen");
  const std::string empty = net.state();
  CHECK(knows(net, "ada", "lin", "former colleagues").outcome == KnowsRecorded::Outcome::added);
  CHECK(knows(net, "lin", "ada").outcome == KnowsRecorded::Outcome::unchanged);
  CHECK(known(net, "ada") == "Lin Chen knows former colleagues; ");
  CHECK(known(net, "lin") == "Ada Lovelace knows former colleagues; ");
  CHECK(knows(net, "lin", "ada", "at Initech").outcome == KnowsRecorded::Outcome::updated);
  CHECK(known(net, "ada") == "Lin Chen knows at Initech; ");
  REQUIRE(undo_change(net.store(), std::nullopt));
  CHECK(known(net, "ada") == "Lin Chen knows former colleagues; ");
  CHECK(knows(net, "ada", "lin", std::nullopt, true).outcome == KnowsRecorded::Outcome::forgotten);
  CHECK(known(net, "ada").empty());
  REQUIRE(undo_change(net.store(), std::nullopt));
  CHECK(known(net, "ada") == "Lin Chen knows former colleagues; ");
  REQUIRE(undo_change(net.store(), std::nullopt));
  CHECK(known(net, "ada").empty());
  CHECK(net.state() == empty);
}

TEST_CASE("knows refuses a person with themselves and nobody, changing nothing",
          "[use-cases][path]") {
  Network net;
  net.add("Ada Lovelace");
  const std::string before = net.state();
  CHECK(test::outcome(record_knows(net.store(), {"ada", "Ada Lovelace", {}, false}, net.today)) ==
        "invalid_input: 'ada' and 'Ada Lovelace' are both Ada Lovelace (#1): name two different "
        "people");
  CHECK(test::outcome(record_knows(net.store(), {"ada", "nobody", {}, false}, net.today))
            .rfind("not_found", 0) == 0);
  CHECK(net.state() == before);
}

TEST_CASE("whom someone knows comes from recorded links, introducers and people logged together",
          "[use-cases][path]") {
  Network net;
  std::int64_t ada = net.add("Ada Lovelace");
  std::int64_t lin = net.add("Lin Chen");
  std::int64_t bob = net.add("Bob Lee");
  ContactChange via;
  via.met_via = "ada";
  net.add("Grace Hopper", via);
  knows(net, "ada", "lin", "former colleagues");
  net.met({ada, bob}, net.today.plus_days(-3));
  net.met({ada, bob, lin}, net.today.plus_days(-10));
  CHECK(known(net, "ada") ==
        "Lin Chen knows former colleagues; Grace Hopper introducer; Bob Lee together 2; "
        "Lin Chen together 1; ");
}

TEST_CASE("intro logs a give to both and records that they know each other, undone together",
          "[use-cases][path]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Lin Chen");
  const std::string before = net.state();
  IntroRequest request;
  request.a = "ada";
  request.b = "lin";
  request.summary = "Introduced them about the data team";
  auto done = introduce(net.store(), request, net.today);
  INFO((done ? "" : done.error().message));
  REQUIRE(done);
  CHECK(done->logged.interaction.direction == Direction::gave);
  CHECK(done->logged.interaction.channel == Channel::other);
  CHECK(done->logged.interaction.people.size() == 2);
  CHECK(done->knows.outcome == KnowsRecorded::Outcome::added);
  CHECK(done->knows.link.how == "introduced by you on 2026-11-22");
  CHECK(net.contact(1).balance.given == 1);
  CHECK(net.contact(2).balance.given == 1);
  CHECK(known(net, "ada") ==
        "Lin Chen knows introduced by you on 2026-11-22; Lin Chen together 1; ");
  auto undone = undo_change(net.store(), std::nullopt);
  REQUIRE(undone);
  CHECK(undone->command == "intro");
  CHECK(net.state() == before);
  CHECK(known(net, "ada").empty());

  request.a = "lin";
  request.b = "Lin Chen";
  CHECK(test::outcome(introduce(net.store(), request, net.today)).rfind("invalid_input", 0) == 0);
  CHECK(net.state() == before);
}

TEST_CASE("a target is never due and leaves the non-target lists, until a log makes them known",
          "[use-cases][path]") {
  Network net;
  ContactChange c = target();
  c.types = {"mentor"};
  std::int64_t lin = net.add("Lin Chen", c, net.today.plus_days(-400));
  net.add("Ada Lovelace", mentor_at(), net.today.plus_days(-400));
  std::vector<std::string> listed;
  ContactFilter filter;
  filter.targets = true;
  REQUIRE(list_contacts(net.store(), filter, net.today, [&](const Contact& k, const Due& due) {
    listed.push_back(k.name);
    CHECK_FALSE(due.next);
    return Status{};
  }));
  CHECK(listed == std::vector<std::string>{"Lin Chen"});
  filter.overdue = true;
  filter.targets = std::nullopt;
  listed.clear();
  REQUIRE(list_contacts(net.store(), filter, net.today, [&](const Contact& k, const Due&) {
    listed.push_back(k.name);
    return Status{};
  }));
  CHECK(listed == std::vector<std::string>{"Ada Lovelace"});

  LogRequest log;
  log.people = {"lin"};
  log.summary = "Finally met";
  auto logged = log_interaction(net.store(), log, net.today);
  REQUIRE(logged);
  CHECK(logged->people[0].was_target);
  CHECK_FALSE(net.contact(lin).target);
  CHECK(logged->people[0].due.next);
  REQUIRE(undo_change(net.store(), std::nullopt));
  CHECK(net.contact(lin).target);
}

TEST_CASE("path finds the warmest routes to a contact and into an organisation",
          "[use-cases][path]") {
  Network net;
  std::int64_t ada = net.add("Ada Lovelace", mentor_at());
  net.add("Grace Hopper");
  ContactChange at_initech = target();
  at_initech.org = "Initech";
  net.add("Lin Chen", at_initech);
  ContactChange bob = at_initech;
  bob.target = std::nullopt;
  net.add("Bob Lee", bob);
  ContactChange gone;
  gone.org = "Initech";
  std::int64_t old = net.add("Old Friend", gone);
  REQUIRE(archive_contact(net.store(), "old friend", true, net.today));
  net.met({ada}, net.today.plus_days(-5), Direction::gave, 3);
  knows(net, "ada", "lin", "former colleagues at Initech");
  knows(net, "grace", "bob");
  knows(net, "grace", "#" + std::to_string(old));

  CHECK(routes(net, {"lin", false, 5}) == "Ada Lovelace > Lin Chen; ");
  // Bob is known (not a target) and at Initech: an end point, never a step.
  CHECK(routes(net, {"initech", false, 5}) == "Ada Lovelace > Lin Chen; Grace Hopper > Bob Lee; ");
  CHECK(routes(net, {"INITECH", true, 1}) == "Ada Lovelace > Lin Chen; ");
  auto found = find_path(net.store(), {"init", true, 5}, net.today);
  REQUIRE(found);
  CHECK(found->organisation);
  CHECK(found->end_points == 2);  // the archived one is not
  CHECK(found->known_total == 1);
  CHECK(found->known[0].person.name == "Bob Lee");

  // An archived target, and nobody.
  CHECK(test::outcome(find_path(net.store(), {"old friend", false, 5}, net.today))
            .rfind("invalid_input: Old Friend is archived", 0) == 0);
  CHECK(test::outcome(find_path(net.store(), {"nobody", false, 5}, net.today)) ==
        "not_found: no contact or organisation matching 'nobody'");
}

TEST_CASE("removing a person removes their links and the words that named them",
          "[use-cases][path]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Lin Chen");
  net.add("Bob Lee");
  knows(net, "ada", "lin", "Lin's old team lead");
  knows(net, "bob", "ada", "neighbours");
  REQUIRE(remove_contact(net.store(), "lin", true, net.today));
  CHECK(known(net, "ada") == "Bob Lee knows neighbours; ");
  std::size_t links = 0;
  REQUIRE(net.store().each_link([&](const LinkRecord& r) {
    ++links;
    CHECK(r.how.find("Lin") == std::string::npos);
    return Status{};
  }));
  CHECK(links == 1);
}

}  // namespace kith
