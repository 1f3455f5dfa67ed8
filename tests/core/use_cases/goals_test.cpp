// Career goals against an in-memory store: add, link, unlink, change, done, reopen, drop (each
// undone), the list and the page with its suggestions, plan --goal, the report's marks, and
// what removing a person does to their links.
#include "kith/use_cases/goals.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"
#include "kith/use_cases/interactions.hpp"
#include "kith/use_cases/journal.hpp"
#include "kith/use_cases/outreach.hpp"

namespace kith {
namespace {

using test::day;
using test::Network;
using test::outcome;

ContactChange typed(std::string type, std::string learn = "", std::string title = "") {
  ContactChange change;
  change.types = {std::move(type)};
  if (!learn.empty()) change.learn = std::move(learn);
  if (!title.empty()) change.title = std::move(title);
  return change;
}

Goal added(Network& net, std::string text, std::optional<std::string> needs = std::nullopt,
           std::optional<Date> by = std::nullopt) {
  GoalRequest request{std::move(text), by, std::move(needs)};
  auto goal = add_goal(net.store(), request, net.today);
  INFO(outcome(goal));
  REQUIRE(goal);
  return *goal;
}

// "Ada:mentor,Lin:" for the goal's people.
std::string people_of(Network& net, std::int64_t goal) {
  auto people = net.store().goal_people(goal);
  REQUIRE(people);
  std::string out;
  for (const GoalPerson& p : *people) out += (out.empty() ? "" : ",") + p.name + ":" + p.role;
  return out;
}

void undo(Network& net) {
  auto undone = undo_change(net.store(), std::nullopt);
  INFO(outcome(undone));
  REQUIRE(undone);
}

void log_with(Network& net, std::vector<std::string> who, std::string summary, Date on) {
  LogRequest request;
  request.people = std::move(who);
  request.summary = std::move(summary);
  request.on = on;
  request.via = Channel::coffee;
  REQUIRE(log_interaction(net.store(), request, net.today));
}

}  // namespace

TEST_CASE("a goal is added open, trimmed, needing a mentor unless told, and undone",
          "[use_cases][goal]") {
  Network net;
  Goal g = added(net, "  Become a staff engineer ", std::nullopt, day("2027-06-30"));
  CHECK(g.id == 1);
  CHECK(g.text == "Become a staff engineer");
  CHECK(g.needs == std::vector<std::string>{"mentor"});
  CHECK(g.by == day("2027-06-30"));
  CHECK(g.added_on == net.today);
  CHECK(!g.done());
  Goal none = added(net, "Write more", std::string("none"));
  CHECK(none.needs.empty());
  auto entry = net.store().last_change();
  REQUIRE(entry);
  REQUIRE(*entry);
  CHECK((*entry)->summary == "goal add: goal #2 'Write more'");
  undo(net);
  CHECK(outcome(net.store().goal(2)) == "not_found: no goal #2 (see 'kith goal --all')");
}

TEST_CASE("a goal refuses an empty text and a role that is no type, changing nothing",
          "[use_cases][goal]") {
  Network net;
  std::string before = net.state();
  CHECK(outcome(add_goal(net.store(), {" ", std::nullopt, std::nullopt}, net.today)) ==
        "invalid_input: empty goal text: say what you want, like 'Become a staff engineer'");
  CHECK(outcome(add_goal(net.store(), {"x", std::nullopt, std::string("mentor,coach")}, net.today))
            .starts_with("invalid_input: --needs: unknown role 'coach' (known types: "));
  auto goals = net.store().goals(true);
  REQUIRE(goals);
  CHECK(goals->empty());
  CHECK(net.state() == before);
}

TEST_CASE(
    "linking takes the person's own needed type as the role, --as any type, and changes "
    "a role when linked again",
    "[use_cases][goal]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"));
  net.add("Grace Hopper", typed("sponsor"));
  net.add("Lin Wu", typed("peer"));
  Goal g = added(net, "Become a staff engineer", std::string("mentor,sponsor"));
  auto linked =
      link_goal(net.store(), g.id, {"ada", "grace", "lin", "ada"}, std::nullopt, net.today);
  INFO(outcome(linked));
  REQUIRE(linked);
  REQUIRE(linked->links.size() == 3);
  CHECK(people_of(net, g.id) == "Ada Lovelace:mentor,Grace Hopper:sponsor,Lin Wu:");

  auto again = link_goal(net.store(), g.id, {"lin"}, std::string("Peer"), net.today);
  REQUIRE(again);
  CHECK(again->links[0].before == std::string(""));
  CHECK(again->links[0].role == "peer");
  CHECK(people_of(net, g.id) == "Ada Lovelace:mentor,Grace Hopper:sponsor,Lin Wu:peer");
  CHECK(outcome(link_goal(net.store(), g.id, {"lin"}, std::string("peer"), net.today)) ==
        "invalid_input: nothing to change: Lin Wu is already linked to goal #1 as asked");
  CHECK(outcome(link_goal(net.store(), g.id, {"lin"}, std::string("coach"), net.today))
            .starts_with("invalid_input: --as: unknown role 'coach'"));
  CHECK(outcome(link_goal(net.store(), g.id, {"nobody"}, std::nullopt, net.today))
            .starts_with("not_found: "));
  CHECK(outcome(link_goal(net.store(), 9, {"lin"}, std::nullopt, net.today)) ==
        "not_found: no goal #9 (see 'kith goal --all')");

  undo(net);  // the role change
  CHECK(people_of(net, g.id) == "Ada Lovelace:mentor,Grace Hopper:sponsor,Lin Wu:");
  undo(net);  // the links
  CHECK(people_of(net, g.id).empty());
}

TEST_CASE("unlinking removes the people named, refuses one not linked, and is undone",
          "[use_cases][goal]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"));
  net.add("Lin Wu", typed("peer"));
  Goal g = added(net, "Become a staff engineer");
  REQUIRE(link_goal(net.store(), g.id, {"ada"}, std::nullopt, net.today));
  std::string before = net.state();
  CHECK(outcome(unlink_goal(net.store(), g.id, {"ada", "lin"}, net.today)) ==
        "invalid_input: Lin Wu is not linked to goal #1 (see 'kith goal 1')");
  CHECK(people_of(net, g.id) == "Ada Lovelace:mentor");
  auto unlinked = unlink_goal(net.store(), g.id, {"ada"}, net.today);
  REQUIRE(unlinked);
  CHECK(unlinked->links[0].role == "mentor");
  CHECK(people_of(net, g.id).empty());
  undo(net);
  CHECK(people_of(net, g.id) == "Ada Lovelace:mentor");
}

TEST_CASE("a goal is done, reopened, changed and dropped, each undone", "[use_cases][goal]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"));
  Goal g = added(net, "Become a staff engineer", std::nullopt, day("2027-06-30"));
  REQUIRE(link_goal(net.store(), g.id, {"ada"}, std::nullopt, net.today));

  CHECK(outcome(complete_goal(net.store(), g.id, net.today.plus_days(1), net.today))
            .starts_with("invalid_input: --on 2026-11-23 is in the future"));
  auto done = complete_goal(net.store(), g.id, day("2026-11-20"), net.today);
  REQUIRE(done);
  CHECK(done->done_on == day("2026-11-20"));
  CHECK(outcome(complete_goal(net.store(), g.id, std::nullopt, net.today)) ==
        "invalid_input: goal #1 is already done (on 2026-11-20)");
  auto open = list_goals(net.store(), false, net.today);
  REQUIRE(open);
  CHECK(open->empty());
  undo(net);
  CHECK(!net.store().goal(g.id)->done());

  REQUIRE(complete_goal(net.store(), g.id, std::nullopt, net.today));
  auto reopened = reopen_goal(net.store(), g.id, net.today);
  REQUIRE(reopened);
  CHECK(!reopened->done());
  CHECK(outcome(reopen_goal(net.store(), g.id, net.today)) ==
        "invalid_input: goal #1 is open already");
  undo(net);
  CHECK(net.store().goal(g.id)->done());
  undo(net);

  GoalChange change;
  change.text = "Become a principal engineer";
  change.no_by = true;
  change.needs = "mentor,sponsor";
  auto changed = change_goal(net.store(), g.id, change, net.today);
  INFO(outcome(changed));
  REQUIRE(changed);
  CHECK(changed->after.text == "Become a principal engineer");
  CHECK(!changed->after.by);
  CHECK(changed->after.needs == std::vector<std::string>{"mentor", "sponsor"});
  CHECK(outcome(change_goal(net.store(), g.id, change, net.today)) ==
        "invalid_input: nothing to change: goal #1 already is as asked");
  CHECK(outcome(change_goal(net.store(), g.id, GoalChange{}, net.today)) ==
        "invalid_input: nothing to change: give --text, --by, --no-by or --needs");
  undo(net);
  CHECK(net.store().goal(g.id)->text == "Become a staff engineer");
  CHECK(net.store().goal(g.id)->by == day("2027-06-30"));

  auto dropped = drop_goal(net.store(), g.id, net.today);
  REQUIRE(dropped);
  CHECK(outcome(net.store().goal(g.id)).starts_with("not_found"));
  CHECK(people_of(net, g.id).empty());
  undo(net);
  CHECK(net.store().goal(g.id)->text == "Become a staff engineer");
  CHECK(people_of(net, g.id) == "Ada Lovelace:mentor");
}

TEST_CASE(
    "the goal list counts people and names the gaps, and the page shows people and "
    "suggestions",
    "[use_cases][goal]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"));
  net.add("Tess Ortiz", typed("peer", "How she made staff"));
  net.add("Omar Haddad", typed("sponsor", "", "Staff engineer"));
  net.add("Old Friend", typed("peer", "staff promotions"));
  REQUIRE(archive_contact(net.store(), "old friend", true, net.today));
  net.add("Nate Brooks", typed("peer"));
  log_with(net, {"nate"}, "Talked about becoming a principal engineer", day("2026-11-10"));
  Goal g = added(net, "Become a staff engineer", std::string("mentor,sponsor"));
  Goal other = added(net, "Write a book", std::string("none"), day("2026-11-01"));
  REQUIRE(link_goal(net.store(), g.id, {"ada"}, std::nullopt, net.today));

  auto list = list_goals(net.store(), false, net.today);
  REQUIRE(list);
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].people == 1);
  CHECK((*list)[0].gaps ==
        std::vector<GoalGap>{{GoalGap::Kind::role, "sponsor"}, {GoalGap::Kind::quiet, ""}});
  CHECK((*list)[1].goal.id == other.id);
  CHECK((*list)[1].gaps ==
        std::vector<GoalGap>{{GoalGap::Kind::nobody, ""}, {GoalGap::Kind::late, ""}});

  auto page = show_goal(net.store(), g.id, net.today);
  INFO(outcome(page));
  REQUIRE(page);
  CHECK(page->words == std::vector<std::string>{"staff", "engineer"});
  REQUIRE(page->people.size() == 1);
  CHECK(page->people[0].name == "Ada Lovelace");
  std::vector<std::string> names;
  for (const Suggestion& s : page->suggestions) names.push_back(s.name);
  // Omar: title (staff, engineer: 2 + 2) + sponsor; Tess: learn (3); Nate: the interaction
  // mentions engineer (12 days ago); never Ada (linked) or the archived friend.
  CHECK(names == std::vector<std::string>{"Omar Haddad", "Tess Ortiz", "Nate Brooks"});
  CHECK(page->suggestions[1].why == std::vector<std::string>{"learn mentions 'staff'"});
  CHECK(page->suggestions[2].why ==
        std::vector<std::string>{"coffee 2026-11-10 mentions 'engineer'"});
  CHECK(outcome(show_goal(net.store(), 7, net.today)) ==
        "not_found: no goal #7 (see 'kith goal --all')");
}

TEST_CASE("plan --goal places the goal's people first, due or not, and says so",
          "[use_cases][goal][plan]") {
  Network net;
  ContactChange overdue = typed("peer");
  net.add("Zed Overdue", overdue, day("2026-01-01"));  // long overdue
  net.add("Ada Lovelace", typed("mentor"));            // added today: not due for 6 weeks
  Goal g = added(net, "Become a staff engineer");
  REQUIRE(link_goal(net.store(), g.id, {"ada"}, std::nullopt, net.today));

  PlanOptions options;
  options.start = net.today.plus_days(1);
  options.per_day = 1;
  options.days = 2;
  auto plain = plan_outreach(net.store(), net.today, options, false);
  REQUIRE(plain);
  REQUIRE(plain->slots.size() == 1);
  CHECK(plain->slots[0].person.contact.name == "Zed Overdue");

  options.goal = g.id;
  auto planned = plan_outreach(net.store(), net.today, options, false);
  INFO(outcome(planned));
  REQUIRE(planned);
  REQUIRE(planned->slots.size() == 2);
  CHECK(planned->slots[0].person.contact.name == "Ada Lovelace");
  CHECK(planned->slots[0].for_goal);
  CHECK(planned->slots[0].person.goals == std::vector<GoalRef>{{1, "Become a staff engineer"}});
  CHECK(planned->slots[1].person.contact.name == "Zed Overdue");
  CHECK(!planned->slots[1].for_goal);
  REQUIRE(planned->goal);
  CHECK(planned->goal->text == "Become a staff engineer");

  options.goal = 5;
  CHECK(outcome(plan_outreach(net.store(), net.today, options, false)) ==
        "not_found: no goal #5 (see 'kith goal --all')");
}

TEST_CASE("the report marks people linked to an open goal", "[use_cases][goal][report]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"), day("2026-01-01"));
  net.add("Lin Wu", typed("peer"), day("2026-01-01"));
  Goal g = added(net, "Become a staff engineer");
  Goal done = added(net, "Ship the book");
  REQUIRE(link_goal(net.store(), g.id, {"ada"}, std::nullopt, net.today));
  REQUIRE(link_goal(net.store(), done.id, {"ada", "lin"}, std::nullopt, net.today));
  REQUIRE(complete_goal(net.store(), done.id, std::nullopt, net.today));
  auto report = daily_report(net.store(), net.today, ReportOptions{});
  REQUIRE(report);
  REQUIRE(report->reach_out.size() == 2);
  for (const Outreach& o : report->reach_out) {
    if (o.contact.name == "Ada Lovelace") {
      CHECK(o.goals == std::vector<GoalRef>{{1, "Become a staff engineer"}});
    } else {
      CHECK(o.goals.empty());  // only a done goal
    }
  }
}

TEST_CASE("removing a person removes their goal links, and nothing else of the goal",
          "[use_cases][goal]") {
  Network net;
  net.add("Ada Lovelace", typed("mentor"));
  net.add("Lin Wu", typed("peer"));
  Goal g = added(net, "Become a staff engineer");
  REQUIRE(link_goal(net.store(), g.id, {"ada", "lin"}, std::nullopt, net.today));
  REQUIRE(remove_contact(net.store(), "ada", true, net.today));
  CHECK(people_of(net, g.id) == "Lin Wu:");
  CHECK(net.store().goal(g.id)->text == "Become a staff engineer");
}

}  // namespace kith
