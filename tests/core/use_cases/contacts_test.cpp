// The contact use cases (kith add, edit, archive, unarchive, rm, show, list) against an
// in-memory store.
#include "kith/use_cases/contacts.hpp"

#include <catch2/catch.hpp>

#include "core/use_cases/network.hpp"
#include "write_for_test.hpp"

namespace kith {
namespace {

using test::day;
using test::every;
using test::Network;
using test::outcome;

ContactChange typed(std::vector<std::string> types) {
  ContactChange change;
  change.types = std::move(types);
  return change;
}

ContactChange named(std::string name) {
  ContactChange change;
  change.name = std::move(name);
  return change;
}

}  // namespace

TEST_CASE("adding a contact returns it as stored, with its first check-in one cadence on",
          "[use_cases][contacts]") {
  Network net;
  ContactChange change = typed({"Mentor", "sponsor"});
  change.name = "  Ada Lovelace ";
  change.tags = {"ML"};
  change.org = "Analytical Engines";
  auto added = add_contact(net.store(), change, net.today);
  REQUIRE(added);
  const Contact& ada = added->contact;
  CHECK(ada.id == 1);
  CHECK(ada.name == "Ada Lovelace");
  CHECK(ada.uuid.size() == 36);
  CHECK(Network::join(ada.types) == "mentor,sponsor");
  CHECK(Network::join(ada.tags) == "ml");
  CHECK(ada.added_on == net.today);
  CHECK(added->due.cadence == every("4w"));  // the shorter of the types' cadences
  CHECK(added->due.next == day("2026-12-20"));
  CHECK_FALSE(added->due.overdue());
  CHECK(net.contact(1).org == "Analytical Engines");
}

TEST_CASE("a contact added without a type or cadence is never due", "[use_cases][contacts]") {
  Network net;
  auto added = add_contact(net.store(), named("Bob"), net.today);
  REQUIRE(added);
  CHECK_FALSE(added->due.cadence);
  CHECK_FALSE(added->due.next);
}

TEST_CASE("a failing add leaves no contact", "[use_cases][contacts]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Ada Yonath");
  const std::string before = net.state();
  struct Case {
    ContactChange change;
    std::string outcome;
  };
  ContactChange unknown_type = typed({"wizard"});
  unknown_type.name = "Bob";
  ContactChange ambiguous_introducer = named("Bob");
  ambiguous_introducer.met_via = "ada";
  ContactChange blank = named(" ");
  for (const Case& c : std::vector<Case>{
           {unknown_type,
            "invalid_input: unknown type 'wizard' (known: customer, manager, mentor, peer, "
            "report, sponsor)"},
           {ambiguous_introducer,
            "ambiguous: --met-via: 'ada' matches 2 contacts: Ada Lovelace (#1), Ada Yonath (#2)"},
           {blank, "invalid_input: invalid name ' ': it is empty"},
           {ContactChange{}, "invalid_input: a contact needs a name"},
       }) {
    CAPTURE(c.outcome);
    CHECK(outcome(add_contact(net.store(), c.change, net.today)) == c.outcome);
    CHECK(net.state() == before);
  }
}

TEST_CASE("an introducer who is a contact is linked, anyone else is kept as written",
          "[use_cases][contacts]") {
  Network net;
  std::int64_t aiken = net.add("Howard Aiken");
  struct Case {
    std::string met_via;
    std::string stored;
    std::optional<std::int64_t> id;
  };
  int n = 0;
  for (const Case& c : std::vector<Case>{{"aiken", "Howard Aiken", aiken},
                                         {"  Someone at IBM ", "Someone at IBM", std::nullopt},
                                         {"", "", std::nullopt}}) {
    CAPTURE(c.met_via);
    ContactChange change = named("Grace " + std::to_string(++n));
    change.met_via = c.met_via;
    auto added = add_contact(net.store(), change, net.today);
    REQUIRE(added);
    CHECK(added->contact.met_via == c.stored);
    CHECK(added->contact.met_via_id == c.id);
  }
}

TEST_CASE("nobody can be their own introducer", "[use_cases][contacts]") {
  Network net;
  net.add("Grace Hopper");
  const std::string before = net.state();
  ContactChange change;
  change.met_via = "grace";
  CHECK(outcome(edit_contact(net.store(), "hopper", change, net.today)) ==
        "invalid_input: Grace Hopper cannot introduce themselves");
  CHECK(net.state() == before);
}

TEST_CASE("an edit that removes a type the contact lacks changes nothing and names the type",
          "[use_cases][contacts]") {
  Network net;
  net.add("Grace", typed({"sponsor"}));
  const std::string before = net.state();
  ContactChange change = typed({"mentor"});
  change.org = "Navy";
  change.no_types = {"peer"};
  CHECK(outcome(edit_contact(net.store(), "grace", change, net.today)) ==
        "invalid_input: Grace has no type 'peer'");
  CHECK(net.state() == before);
}

TEST_CASE("an edit returns the contact as stored afterwards, with its new due",
          "[use_cases][contacts]") {
  Network net;
  ContactChange first = typed({"peer"});
  first.every = every("3w");
  net.add("Grace", first, day("2026-11-01"));
  ContactChange change = typed({"manager"});
  change.name = "Grace Hopper";
  change.no_types = {"peer"};
  change.no_every = true;
  auto edited = edit_contact(net.store(), "grace", change, net.today);
  REQUIRE(edited);
  CHECK(edited->contact.name == "Grace Hopper");
  CHECK(Network::join(edited->contact.types) == "manager");
  CHECK(edited->due.cadence == every("2w"));
  CHECK(edited->due.next == day("2026-11-15"));
  CHECK(edited->due.days_overdue == 7);
  CHECK(net.contact(1).name == "Grace Hopper");
}

TEST_CASE("an empty edit writes nothing and returns the contact", "[use_cases][contacts]") {
  Network net;
  net.add("Grace");
  const std::string before = net.state();
  auto edited = edit_contact(net.store(), "grace", ContactChange{}, net.today);
  REQUIRE(edited);
  CHECK(edited->contact.name == "Grace");
  CHECK(net.state() == before);
}

TEST_CASE("archiving makes a contact never due, and doing it again changes nothing and says so",
          "[use_cases][contacts]") {
  Network net;
  net.add("Grace", typed({"manager"}), day("2026-01-01"));
  struct Step {
    bool archive;
    bool changed;
    bool due;
  };
  for (const Step& step : std::vector<Step>{
           {true, true, false}, {true, false, false}, {false, true, true}, {false, false, true}}) {
    CAPTURE(step.archive, step.changed);
    auto result = archive_contact(net.store(), "grace", step.archive, net.today);
    REQUIRE(result);
    CHECK(result->changed == step.changed);
    CHECK(result->view.contact.archived == step.archive);
    CHECK(result->view.due.next.has_value() == step.due);
    CHECK(net.contact(1).archived == step.archive);
  }
}

TEST_CASE("rm without --yes deletes nothing and says how many interactions would go",
          "[use_cases][contacts]") {
  Network net;
  std::int64_t ada = net.add("Ada");
  std::int64_t grace = net.add("Grace");
  struct Case {
    int interactions;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {0,
            "refusing to delete Ada (#1) and 0 interactions without --yes (or 'kith archive' "
            "to keep them)"},
           {1,
            "refusing to delete Ada (#1) and 1 interaction without --yes (or 'kith archive' "
            "to keep them)"},
           {2,
            "refusing to delete Ada (#1) and 2 interactions without --yes (or 'kith archive' "
            "to keep them)"},
       }) {
    CAPTURE(c.interactions);
    if (c.interactions == 1) net.met({ada}, day("2026-11-01"));
    if (c.interactions == 2) net.met({ada, grace}, day("2026-11-02"));
    const std::string before = net.state();
    CHECK(outcome(remove_contact(net.store(), "ada", false, net.today)) ==
          "invalid_input: " + c.message);
    CHECK(net.state() == before);
  }
}

TEST_CASE("rm --yes deletes the contact and counts the interactions it took part in",
          "[use_cases][contacts]") {
  Network net;
  std::int64_t ada = net.add("Ada");
  std::int64_t grace = net.add("Grace");
  net.met({ada}, day("2026-11-01"));
  net.met({ada, grace}, day("2026-11-02"));
  net.book(ReminderKind::promise, ada, day("2026-11-30"));
  auto removed = remove_contact(net.store(), "ada", true, net.today);
  REQUIRE(removed);
  CHECK(removed->contact.name == "Ada");
  CHECK(removed->contact.uuid.size() == 36);
  CHECK(removed->interactions == 2);
  CHECK(outcome(net.store().contact(ada)) == "not_found: no contact with id 1");
  auto left = net.store().history({});
  REQUIRE(left);
  REQUIRE(left->size() == 1);  // the one shared with Grace stays
  CHECK(left->front().people.size() == 1);
  CHECK(net.store().reminders(std::nullopt)->empty());
}

TEST_CASE("a WHO that names nobody, or several, is refused by every contact use case",
          "[use_cases][contacts]") {
  Network net;
  net.add("Ada Lovelace");
  net.add("Ada Yonath");
  const std::string before = net.state();
  ContactChange change;
  change.org = "Acme";
  for (const std::string who : {"nobody", "ada", " "}) {
    CAPTURE(who);
    std::string expected = who == "nobody" ? "not_found: no contact matches 'nobody'"
                           : who == "ada"
                               ? "ambiguous: 'ada' matches 2 contacts: Ada Lovelace (#1), Ada "
                                 "Yonath (#2)"
                               : "invalid_input: empty contact name";
    CHECK(outcome(edit_contact(net.store(), who, change, net.today)) == expected);
    CHECK(outcome(archive_contact(net.store(), who, true, net.today)) == expected);
    CHECK(outcome(remove_contact(net.store(), who, true, net.today)) == expected);
    CHECK(outcome(show_contact(net.store(), who, net.today, 10)) == expected);
    CHECK(net.state() == before);
  }
}

TEST_CASE("show gathers the contact, its due, open reminders and the latest interactions",
          "[use_cases][contacts]") {
  Network net;
  std::int64_t grace = net.add("Grace", typed({"sponsor"}), day("2026-10-01"));
  std::int64_t ada = net.add("Ada");
  for (int d = 1; d <= 4; ++d) net.met({grace}, day("2026-10-0" + std::to_string(d)));
  net.met({ada}, day("2026-10-20"));
  net.book(ReminderKind::promise, grace, day("2026-12-01"), "later");
  net.book(ReminderKind::reminder, grace, day("2026-11-25"), "sooner");
  std::int64_t done = net.book(ReminderKind::reminder, grace, day("2026-11-20"), "done");
  REQUIRE(write_for_test(net.store(), [&]() -> Status {
    Reminder r = net.reminder(done);
    r.done_on = net.today;
    return net.store().update_reminder(r);
  }));
  net.book(ReminderKind::reminder, ada, day("2026-11-23"), "Ada's");

  auto profile = show_contact(net.store(), "grace", net.today, 3);
  REQUIRE(profile);
  CHECK(profile->contact.name == "Grace");
  CHECK(profile->contact.last_contact == day("2026-10-04"));
  CHECK(profile->due.next == day("2026-11-01"));
  CHECK(profile->due.days_overdue == 21);
  std::string reminders;
  for (const auto& r : profile->reminders) reminders += r.text + ";";
  CHECK(reminders == "sooner;later;");
  std::string recent;
  for (const auto& i : profile->recent) recent += i.day.to_string() + ";";
  CHECK(recent == "2026-10-04;2026-10-03;2026-10-02;");
}

TEST_CASE("list visits contacts by name with their due, and only the overdue ones on asking",
          "[use_cases][contacts]") {
  Network net;
  net.add("Zoë", typed({"manager"}), day("2026-09-01"));  // due 2026-09-15
  net.add("Bob", typed({"peer"}));                        // due 2027-01-17
  net.add("Ada", typed({"report"}), day("2026-10-01"));   // due 2026-10-15
  net.add("Cy");                                          // never due
  auto listed = [&](ContactFilter filter) {
    std::string out;
    REQUIRE(list_contacts(net.store(), filter, net.today,
                          [&](const Contact& c, const Due& due) -> Status {
                            out += c.name + (due.overdue() ? "!" : "") + ";";
                            return {};
                          }));
    return out;
  };
  CHECK(listed({}) == "Ada!;Bob;Cy;Zoë!;");
  ContactFilter overdue;
  overdue.overdue = true;
  CHECK(listed(overdue) == "Zoë!;Ada!;");  // the longest overdue first
}

TEST_CASE("list filters by a type and a tag as the user writes them, and by archived",
          "[use_cases][contacts]") {
  Network net;
  ContactChange alumni = typed({"peer"});
  alumni.tags = {"alumni"};
  net.add("Old Friend", alumni);
  net.add("New Boss", typed({"manager"}));
  net.add("Gone", typed({"peer"}));
  REQUIRE(archive_contact(net.store(), "gone", true, net.today));
  struct Case {
    ContactFilter filter;
    std::string names;
  };
  auto filter = [](std::optional<std::string> type, std::optional<std::string> tag, bool archived) {
    ContactFilter f;
    f.type = std::move(type);
    f.tag = std::move(tag);
    f.archived = archived;
    return f;
  };
  for (const Case& c : std::vector<Case>{
           {filter(" PEER ", std::nullopt, false), "Old Friend;"},
           {filter(std::nullopt, "ALUMNI", false), "Old Friend;"},
           {filter("sponsor", std::nullopt, false), ""},
           {filter(std::nullopt, std::nullopt, true), "Gone;"},
       }) {
    std::string out;
    REQUIRE(list_contacts(net.store(), c.filter, net.today,
                          [&](const Contact& contact, const Due&) -> Status {
                            out += contact.name + ";";
                            return {};
                          }));
    CHECK(out == c.names);
  }
}

TEST_CASE("list refuses an unknown type, listing the known ones, and a bad tag",
          "[use_cases][contacts]") {
  Network net;
  auto never = [](const Contact&, const Due&) -> Status { return {}; };
  ContactFilter wizard;
  wizard.type = "wizard";
  auto status = list_contacts(net.store(), wizard, net.today, never);
  REQUIRE_FALSE(status);
  CHECK(status.error().message ==
        "unknown type 'wizard' (known: customer, manager, mentor, peer, report, sponsor)");
  ContactFilter comma;
  comma.tag = "a,b";
  status = list_contacts(net.store(), comma, net.today, never);
  REQUIRE_FALSE(status);
  CHECK_THAT(status.error().message, Catch::StartsWith("invalid tag 'a,b'"));
}

TEST_CASE("a visitor's error stops the list and is returned", "[use_cases][contacts]") {
  Network net;
  net.add("Ada");
  net.add("Bob");
  int visits = 0;
  auto status = list_contacts(net.store(), {}, net.today, [&](const Contact&, const Due&) {
    ++visits;
    return Status(Error{Errc::internal, "stop"});
  });
  REQUIRE_FALSE(status);
  CHECK(status.error().message == "stop");
  CHECK(visits == 1);
}

}  // namespace kith
